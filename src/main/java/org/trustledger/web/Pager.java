package org.trustledger.web;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Server-side pagination of console lists: the page number from {@code ?page=}, and previous/next links that keep the
 * list's other query parameters (filters, sort). Lists fetch one row more than they show to know whether a next page
 * exists, so no page ever counts a whole table.
 */
public record Pager(int page, int size, boolean hasNext, String prevHref, String nextHref) {

    public static final int MAX_PAGE = 100_000;

    /** {@code ?page=} as given: absent means 1; anything but 1..100000 is a 400 naming the parameter. */
    public static int page(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        if (raw.length() <= 6 && raw.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        }
        throw new Problem.Exception(Problem.invalid(400, "The page number is not valid.",
                List.of(new Problem.FieldError("page", "must be a whole number from 1 to " + MAX_PAGE))));
    }

    /** Rows to skip for {@code page} of {@code size}. */
    public static int offset(int page, int size) {
        return (page - 1) * size;
    }

    /** {@code fetched} is the number of rows read with a limit of {@code size + 1}. */
    public static Pager of(UriInfo uri, int page, int size, int fetched) {
        boolean hasNext = fetched > size;
        return new Pager(page, size, hasNext, page > 1 ? link(uri, page - 1) : null, hasNext ? link(uri, page + 1) : null);
    }

    public boolean hasPrev() {
        return prevHref != null;
    }

    private static String link(UriInfo uri, int page) {
        String others = uri.getQueryParameters().entrySet().stream()
                .filter(e -> !e.getKey().equals("page"))
                .sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        return uri.getPath() + "?" + (others.isEmpty() ? "" : others + "&") + "page=" + page;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

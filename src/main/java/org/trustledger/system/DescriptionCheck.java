package org.trustledger.system;

import static org.trustledger.config.Problems.child;
import static org.trustledger.config.Problems.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.trustledger.config.Problems;
import org.trustledger.config.RecordShape;

/**
 * One group of semantic checks of a bound (possibly partial) description, and the field checks the groups
 * share: ids, references between sections, duplicates, URLs, emails, country codes, dates. Runs after
 * {@link RecordShape}, so every value may be null where the shape check already reported a problem; each
 * check skips what is missing rather than reporting it twice.
 */
abstract class DescriptionCheck {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    final SystemDescription d;
    final Problems.In problems;
    final Predicate<String> knownControlId;
    final LocalDate today;

    final IdSpace subjects;
    final IdSpace categories;
    final IdSpace measures;
    final IdSpace activities;
    final IdSpace systems;
    final IdSpace vendors;
    final IdSpace regions;

    DescriptionCheck(SystemDescription d, Problems.In problems, Predicate<String> knownControlId, LocalDate today) {
        this.d = d;
        this.problems = problems;
        this.knownControlId = knownControlId;
        this.today = today;
        subjects = IdSpace.of(d.dataSubjectCategories(), DataSubjectCategory::id);
        categories = IdSpace.of(d.dataCategories(), DataCategory::id);
        measures = IdSpace.of(d.securityMeasures(), SecurityMeasure::id);
        activities = IdSpace.of(d.processingActivities(), ProcessingActivity::id);
        systems = IdSpace.of(d.systems(), HostedSystem::id);
        vendors = IdSpace.of(d.vendors(), Vendor::id);
        regions = d.residency() == null
                ? IdSpace.incomplete()
                : IdSpace.of(d.residency().allowedRegions(), Region::id);
    }

    /** Runs this group's checks, reporting to {@link #problems}. */
    abstract void check();

    <T> void checkIds(String listPath, List<T> items, Function<T, String> id) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String value = item == null ? null : id.apply(item);
            if (value == null) {
                continue;
            }
            String path = child(index(listPath, i), "id");
            if (!SLUG.matcher(value).matches()) {
                problems.add(path, "'" + value + "' is not a valid id (use lower-case letters, digits and '-',"
                        + " starting with a letter or digit)");
            }
            Integer first = seen.putIfAbsent(value, i);
            if (first != null) {
                problems.add(path, "duplicate id '" + value + "' (first used at " + index(listPath, first) + ")");
            }
        }
    }

    void references(String listPath, List<String> ids, IdSpace space, String kind) {
        references(listPath, ids, space, kind, id -> "unknown " + kind + " '" + id + "'");
    }

    void references(String listPath, List<String> ids, IdSpace space, String kind, Function<String, String> unknown) {
        for (int j = 0; j < ids.size(); j++) {
            String id = ids.get(j);
            if (id != null && space.complete() && !space.contains(id)) {
                problems.add(index(listPath, j), unknown.apply(id));
            }
        }
        duplicates(listPath, ids, kind);
    }

    void reference(String path, String id, IdSpace space, String kind) {
        if (id != null && space.complete() && !space.contains(id)) {
            problems.add(path, "unknown " + kind + " '" + id + "'");
        }
    }

    void duplicates(String listPath, List<String> values, String kind) {
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < values.size(); j++) {
            String value = values.get(j);
            if (value == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(value, j);
            if (first != null) {
                problems.add(index(listPath, j), "duplicate " + kind + " '" + value + "' (first at " + index(listPath, first) + ")");
            }
        }
    }

    /** Whether a vendor's country list is present and fully valid (otherwise its problems are already reported). */
    static boolean countriesIntact(Vendor v) {
        return !v.countries().isEmpty() && v.countries().stream().allMatch(Countries::isIsoCountry);
    }

    void notInFuture(String path, LocalDate date) {
        if (date != null && date.isAfter(today)) {
            problems.add(path, date + " is in the future (today is " + today + ")");
        }
    }

    void requiredWhen(String path, Object value, String condition) {
        if (value == null) {
            problems.add(path, "required when " + condition);
        }
    }

    void https(String path, String url) {
        if (url != null && !isHttpsUrl(url)) {
            problems.add(path, "not an https URL");
        }
    }

    static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    void email(String path, String email) {
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(path, "not a valid email address");
        }
    }

    /** Reports an invalid country code; returns whether the code is valid. */
    boolean country(String path, String code) {
        if (code == null) {
            return false;
        }
        if (Countries.isIsoCountry(code)) {
            return true;
        }
        String hint = "";
        String upper = code.toUpperCase(Locale.ROOT);
        if (!upper.equals(code) && Countries.isIsoCountry(upper)) {
            hint = " (write it in upper case: " + upper + ")";
        } else if (upper.equals("UK")) {
            hint = " (the United Kingdom is GB)";
        } else if (upper.equals("EL")) {
            hint = " (Greece is GR)";
        }
        problems.add(path, "'" + code + "' is not an ISO 3166-1 alpha-2 country code" + hint);
        return false;
    }

    /** Ids declared in one list; incomplete if an entry or its id is missing (then dangling references are not reported). */
    record IdSpace(Set<String> ids, boolean complete) {
        static <T> IdSpace of(List<T> items, Function<T, String> id) {
            Set<String> ids = new HashSet<>();
            boolean complete = true;
            for (T item : items) {
                String value = item == null ? null : id.apply(item);
                if (value == null) {
                    complete = false;
                } else {
                    ids.add(value);
                }
            }
            return new IdSpace(ids, complete);
        }

        static IdSpace incomplete() {
            return new IdSpace(Set.of(), false);
        }

        boolean contains(String id) {
            return ids.contains(id);
        }
    }
}

package org.trustledger.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that says which request paths are staff routes and which are service-account routes,
 * for the network allowlists. {@code RoutesCoverageTest} fails if a resource method that requires a
 * role or an authenticated caller is not classified as one of them.
 */
public final class Routes {

    public enum Kind {
        STAFF, SERVICE, PUBLIC
    }

    /** Path prefixes (whole segments) of the staff pages and APIs. */
    public static final List<String> STAFF_PREFIXES = List.of(
            "/staff",
            "/api/v1/auth",
            "/api/v1/staff",
            "/api/v1/service-accounts",
            "/api/v1/dsr-cases",
            "/api/v1/reports",
            "/api/v1/ledger",
            "/api/v1/governance",
            "/api/v1/gaps",
            "/api/v1/collectors",
            "/api/v1/breaches",
            "/api/v1/consents",
            "/api/v1/dpias",
            "/api/v1/privacy-notices",
            "/api/v1/exports");

    /** Staff routes nested under otherwise public paths. */
    private static final List<Pattern> STAFF_PATTERNS = List.of(
            Pattern.compile("^/api/v1/manifests/[^/]+/seal(/.*)?$"),
            Pattern.compile("^/api/v1/frameworks/[^/]+/coverage(/.*)?$"));

    /** Manual evidence submitted by staff: exactly {@code POST /api/v1/evidence}. */
    private static final String EVIDENCE = "/api/v1/evidence";

    private Routes() {
    }

    /**
     * Classifies a request. The path is compared case-insensitively, with repeated slashes collapsed and
     * matrix parameters dropped, so a variant spelling cannot slip past the staff list.
     */
    public static Kind classify(String method, String rawPath) {
        String path = canonical(rawPath);
        for (String prefix : STAFF_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return Kind.STAFF;
            }
        }
        for (Pattern p : STAFF_PATTERNS) {
            if (p.matcher(path).matches()) {
                return Kind.STAFF;
            }
        }
        if (path.equals(EVIDENCE)) {
            return Kind.STAFF;
        }
        if (path.startsWith(EVIDENCE + "/")) {
            return Kind.SERVICE;
        }
        return Kind.PUBLIC;
    }

    static String canonical(String rawPath) {
        String p = rawPath == null ? "/" : rawPath.toLowerCase(Locale.ROOT);
        p = p.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }
}

package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trustledger.common.DomainException;
import org.trustledger.controls.Control;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;

/**
 * Searching the nonconformity register for the gap board and the list API: filters on indexed columns, one of three
 * indexed orderings, LIMIT/OFFSET. Every ordering ends with the id, so pages neither overlap nor skip a gap.
 */
@ApplicationScoped
public class GapBoard {

    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");
    /** Selected columns: the table also has the generated {@code severity_rank}, which the entity does not map. */
    private static final String COLUMNS = "id, source, controls, severity, status, reason, opened_at, opened_by_run, last_seen_at, assignee, "
            + "resolution, closed_at, closed_by, closed_by_run";

    /** The orderings; each is an index of V110 (also under a status filter), walked forwards or backwards. */
    public enum Sort {
        OPENED("opened", "opened_at %1$s, id %1$s"),
        LAST_SEEN("last_seen", "last_seen_at %1$s, id %1$s"),
        SEVERITY("severity", "severity_rank %1$s, opened_at %1$s, id %1$s");

        private final String wire;
        private final String orderBy;

        Sort(String wire, String orderBy) {
            this.wire = wire;
            this.orderBy = orderBy;
        }

        public String wire() {
            return wire;
        }

        static Optional<Sort> parse(String s) {
            for (Sort v : values()) {
                if (v.wire.equals(s)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A search as the caller wrote it; null or empty means "no filter" (status {@code all} too), sort {@code opened},
     * direction {@code desc}.
     */
    public record Query(String status, String severity, String framework, String control, String assignee, String source, String sort,
            String dir) {

        public static Query all() {
            return new Query(null, null, null, null, null, null, null, null);
        }
    }

    private final ControlCatalog catalog;

    public GapBoard(ControlCatalog catalog) {
        this.catalog = catalog;
    }

    /** Gaps matching {@code q} in its order, {@code limit} of them after {@code offset}; invalid filters are refused all at once. */
    @Transactional
    public List<Gap> search(Query q, int offset, int limit) {
        List<DomainException.Violation> errors = new ArrayList<>();
        String status = blankToNull(q.status());
        if (status != null && !List.of(Gap.OPEN, Gap.CLOSED, "all").contains(status)) {
            errors.add(new DomainException.Violation("status", "must be open, closed or all"));
        }
        String severity = blankToNull(q.severity());
        if (severity != null && Severity.parse(severity).isEmpty()) {
            errors.add(new DomainException.Violation("severity", "must be low, medium, high or critical"));
        }
        String framework = blankToNull(q.framework());
        Optional<Framework> fw = framework == null ? Optional.empty() : catalog.framework(framework);
        if (framework != null && fw.isEmpty()) {
            errors.add(new DomainException.Violation("framework", "unknown framework; known: "
                    + String.join(", ", catalog.frameworks().stream().map(Framework::id).toList())));
        }
        String control = blankToNull(q.control());
        if (control != null && !catalog.isKnown(control)) {
            errors.add(new DomainException.Violation("control", "unknown control ID"));
        }
        String assignee = blankToNull(q.assignee());
        if (assignee != null && !USERNAME.matcher(assignee).matches()) {
            errors.add(new DomainException.Violation("assignee", "must be a staff username"));
        }
        String source = q.source();
        if (source != null && (source.isEmpty() || source.length() > 200)) {
            errors.add(new DomainException.Violation("source", "must be 1-200 characters"));
        }
        String sortText = blankToNull(q.sort());
        Optional<Sort> sort = sortText == null ? Optional.of(Sort.OPENED) : Sort.parse(sortText);
        if (sort.isEmpty()) {
            errors.add(new DomainException.Violation("sort", "must be opened, last_seen or severity"));
        }
        String dir = blankToNull(q.dir()) == null ? "desc" : q.dir();
        if (!dir.equals("desc") && !dir.equals("asc")) {
            errors.add(new DomainException.Violation("dir", "must be desc or asc"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The search has invalid parameters.", errors);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> args = new LinkedHashMap<>();
        if (status != null && !status.equals("all")) {
            where.add("status = :status");
            args.put("status", status);
        }
        if (severity != null) {
            where.add("severity = :severity");
            args.put("severity", severity);
        }
        if (fw.isPresent()) {
            // Overlap with the framework's controls: the GIN index answers it, a prefix match could not use it.
            where.add("controls && CAST(:frameworkControls AS TEXT[])");
            args.put("frameworkControls", Gaps.arrayLiteral(fw.get().controls().stream().map(Control::id).toList()));
        }
        if (control != null) {
            where.add("controls @> CAST(:control AS TEXT[])");
            args.put("control", Gaps.arrayLiteral(List.of(control)));
        }
        if (assignee != null) {
            where.add("assignee = :assignee");
            args.put("assignee", assignee);
        }
        if (source != null) {
            where.add("source = :source");
            args.put("source", source);
        }
        String sql = "SELECT " + COLUMNS + " FROM gap" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + sort.get().orderBy.formatted(dir.toUpperCase(Locale.ROOT)) + " LIMIT :limit OFFSET :offset";
        jakarta.persistence.Query query = GapEntry.getEntityManager().createNativeQuery(sql, GapEntry.class);
        args.forEach(query::setParameter);
        query.setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<GapEntry> rows = query.getResultList();
        return rows.stream().map(GapEntry::view).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

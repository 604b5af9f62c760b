package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trustledger.web.Problem;

/**
 * Privacy-notice versions: created once, never edited (a change is a new version), retractable only while
 * dated in the future. The current version of an audience is its latest non-retracted version whose
 * {@code published_at} is at or before now.
 */
@ApplicationScoped
public class PrivacyNotices {

    /** A new version, as sent: the published text's SHA-256, or the text itself (then its hash is computed), or both. */
    public record NoticeRequest(String audience, String versionLabel, String url, String publishedAt, String sha256, String text,
            Integer reviewIntervalDays) {
    }

    /** A version with where it stands now. */
    public record Listed(PrivacyNotice notice, PrivacyNotice.State state) {
    }

    record Input(PrivacyNotice.Audience audience, String versionLabel, String url, Instant publishedAt, String sha256, String text,
            int reviewIntervalDays) {
    }

    static final String NOT_FOUND = "No privacy-notice version with this id.";
    static final int MAX_TEXT_CHARS = 500_000;
    static final int MAX_REVIEW_INTERVAL_DAYS = 1095;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String COLUMNS = """
            id, audience, version_label, url, published_at, sha256, review_interval_days, created_at, retracted_at, retraction_reason""";

    private final EntityManager em;
    private final RegisterHistory history;
    private final Clock clock;

    public PrivacyNotices(EntityManager em, RegisterHistory history, Clock clock) {
        this.em = em;
        this.history = history;
        this.clock = clock;
    }

    static Input validate(NoticeRequest r) {
        Fields f = new Fields();
        PrivacyNotice.Audience audience = f.oneOf("audience", r.audience(), PrivacyNotice.Audience.class, true);
        String label = f.line("version_label", r.versionLabel(), 64, true);
        String url = url(f, r.url());
        Instant publishedAt = f.timestamp("published_at", r.publishedAt(), true);
        String sha256 = f.token("sha256", r.sha256(), SHA256, "must be 64 lowercase hexadecimal digits", false);
        String text = null;
        if (r.text() != null && !r.text().isBlank()) {
            String problem = FreeText.problem(r.text(), MAX_TEXT_CHARS);
            if (problem != null) {
                f.malformed("text", problem);
            } else {
                text = r.text();
            }
        }
        if (sha256 == null && text == null && f.ok("sha256") && f.ok("text")) {
            f.malformed("sha256", "is required unless text is given");
        }
        Integer interval = f.required("review_interval_days", r.reviewIntervalDays());
        if (interval != null && (interval < 1 || interval > MAX_REVIEW_INTERVAL_DAYS)) {
            f.malformed("review_interval_days", "must be between 1 and " + MAX_REVIEW_INTERVAL_DAYS);
        }
        f.throwIfMalformed();
        String computed = text == null ? null : sha256(text);
        if (sha256 != null && computed != null && !sha256.equals(computed)) {
            f.refuse("sha256", "does not match the SHA-256 of text (UTF-8 bytes)");
        }
        f.throwIfAny();
        return new Input(audience, label, url, publishedAt, computed != null ? computed : sha256, text, interval);
    }

    /** An absolute https URL with a host and without user information, as published to readers. */
    private static String url(Fields f, String value) {
        String v = f.line("url", value, 2048, true);
        if (v == null || !f.ok("url")) {
            return null;
        }
        try {
            URI uri = new URI(v);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
                f.malformed("url", "must be an absolute https URL with a host and no user information");
                return null;
            }
            return v;
        } catch (URISyntaxException e) {
            f.malformed("url", "must be an absolute https URL with a host and no user information");
            return null;
        }
    }

    /** Lowercase hex SHA-256 of the text's UTF-8 bytes, exactly as given (no trimming or normalisation). */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public List<Listed> list(Optional<PrivacyNotice.Audience> audience) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM privacy_notice"
                + (audience.isPresent() ? " WHERE audience = ?1" : "") + " ORDER BY audience, published_at DESC, id DESC");
        audience.ifPresent(a -> q.setParameter(1, a.wire()));
        return listed(notices(q));
    }

    /** The current version of each audience that has one, in audience order. */
    @Transactional
    public List<Listed> current() {
        return current(clock.instant());
    }

    private List<Listed> current(Instant now) {
        List<PrivacyNotice> current = notices(em.createNativeQuery("SELECT DISTINCT ON (audience) " + COLUMNS + """
                 FROM privacy_notice WHERE retracted_at IS NULL AND published_at <= ?1 ORDER BY audience, published_at DESC
                """).setParameter(1, Timestamp.from(now)));
        return current.stream().map(n -> new Listed(n, PrivacyNotice.State.CURRENT)).toList();
    }

    @Transactional
    public Optional<Listed> find(long id) {
        return notices(em.createNativeQuery("SELECT " + COLUMNS + " FROM privacy_notice WHERE id = ?1").setParameter(1, id)).stream()
                .findFirst().map(n -> listed(List.of(n)).get(0));
    }

    /** The text as published, when it was given rather than only its hash. */
    @Transactional
    public Optional<String> text(long id) {
        List<?> rows = em.createNativeQuery("SELECT text FROM privacy_notice WHERE id = ?1 AND text IS NOT NULL").setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    @Transactional
    public PrivacyNotice create(NoticeRequest request, String actor) {
        Input in = validate(request);
        Instant now = now();
        if (!em.createNativeQuery("SELECT 1 FROM privacy_notice WHERE audience = ?1 AND version_label = ?2")
                .setParameter(1, in.audience().wire()).setParameter(2, in.versionLabel()).getResultList().isEmpty()) {
            throw Problem.Exception.of(409, "This audience already has a version with this version_label.");
        }
        if (!em.createNativeQuery("SELECT 1 FROM privacy_notice WHERE audience = ?1 AND published_at = ?2 AND retracted_at IS NULL")
                .setParameter(1, in.audience().wire()).setParameter(2, Timestamp.from(in.publishedAt())).getResultList().isEmpty()) {
            throw Problem.Exception.of(409, "This audience already has a version published at this instant.");
        }
        List<?> ids;
        try {
            ids = em.createNativeQuery("""
                    INSERT INTO privacy_notice (audience, version_label, url, published_at, sha256, text, review_interval_days, created_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING RETURNING id
                    """)
                    .setParameter(1, in.audience().wire())
                    .setParameter(2, in.versionLabel())
                    .setParameter(3, in.url())
                    .setParameter(4, Timestamp.from(in.publishedAt()))
                    .setParameter(5, in.sha256())
                    .setParameter(6, in.text())
                    .setParameter(7, in.reviewIntervalDays())
                    .setParameter(8, Timestamp.from(now))
                    .getResultList();
        } catch (PersistenceException e) {
            if (RegisterSql.isUniqueViolation(e)) {
                ids = List.of();
            } else {
                throw e;
            }
        }
        if (ids.isEmpty()) {
            throw Problem.Exception.of(409, "Another version with this version_label or published_at was just created for this audience.");
        }
        PrivacyNotice created = fetch(RegisterSql.id(ids.get(0)));
        history.record(RegisterHistory.Register.PRIVACY_NOTICE, created.id(), "created", actor, now, null, created, null);
        return created;
    }

    /** Withdraws a version before it takes effect; a published version stays, and a change is a new version. */
    @Transactional
    public PrivacyNotice retract(long id, String reason, String actor) {
        Instant now = now();
        PrivacyNotice before = notices(em.createNativeQuery("SELECT " + COLUMNS + " FROM privacy_notice WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id)).stream().findFirst().orElseThrow(() -> Problem.Exception.of(404, NOT_FOUND));
        if (before.retractedAt() != null) {
            throw Problem.Exception.of(409, "This version is already retracted.");
        }
        if (!before.publishedAt().isAfter(now)) {
            throw Problem.Exception.of(409, "This version is already published and cannot be retracted; publish a new version instead.");
        }
        em.createNativeQuery("UPDATE privacy_notice SET retracted_at = ?2, retraction_reason = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).setParameter(3, reason).executeUpdate();
        PrivacyNotice retracted = fetch(id);
        history.record(RegisterHistory.Register.PRIVACY_NOTICE, id, "retracted", actor, now, before, retracted, reason);
        return retracted;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Each version's state, all judged at one instant. */
    private List<Listed> listed(List<PrivacyNotice> notices) {
        Instant now = clock.instant();
        Set<Long> current = current(now).stream().map(l -> l.notice().id()).collect(Collectors.toSet());
        return notices.stream().map(n -> new Listed(n, n.retractedAt() != null ? PrivacyNotice.State.RETRACTED
                : n.publishedAt().isAfter(now) ? PrivacyNotice.State.SCHEDULED
                : current.contains(n.id()) ? PrivacyNotice.State.CURRENT : PrivacyNotice.State.SUPERSEDED)).toList();
    }

    private PrivacyNotice fetch(long id) {
        return notices(em.createNativeQuery("SELECT " + COLUMNS + " FROM privacy_notice WHERE id = ?1").setParameter(1, id)).get(0);
    }

    private static List<PrivacyNotice> notices(Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new PrivacyNotice(RegisterSql.id(r[0]), Fields.parse(PrivacyNotice.Audience.class, (String) r[1]).orElseThrow(),
                (String) r[2], (String) r[3], RegisterSql.instantOrNull(r[4]), (String) r[5], ((Number) r[6]).intValue(),
                RegisterSql.instantOrNull(r[7]), RegisterSql.instantOrNull(r[8]), (String) r[9])).toList();
    }
}

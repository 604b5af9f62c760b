package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trustledger.common.DomainException;

/**
 * Privacy-notice versions: created once, never edited (a change is a new version), retractable only while
 * dated in the future. The current version of an audience is its latest non-retracted version whose
 * {@code published_at} is at or before now.
 */
@ApplicationScoped
public class PrivacyNotices {

    /** A new version, as sent: the published text's SHA-256, or the text itself (then its hash is computed), or both. */
    public record NoticeRequest(
            String audience,
            String versionLabel,
            String url,
            String publishedAt,
            String sha256,
            String text,
            Integer reviewIntervalDays) {
    }

    /** Why a version dated in the future is withdrawn. */
    public record RetractRequest(String reason) {
    }

    /** A version with where it stands now. */
    public record Listed(PrivacyNotice notice, PrivacyNotice.State state) {
    }

    record Input(PrivacyNotice.Audience audience, String versionLabel, String url, Instant publishedAt, String sha256, String text,
            int reviewIntervalDays) {
    }

    static final String NOT_FOUND = PrivacyNoticeRepository.NOT_FOUND;
    static final int MAX_TEXT_CHARS = 500_000;
    static final int MAX_REVIEW_INTERVAL_DAYS = 1095;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final PrivacyNoticeRepository repository;
    private final RegisterHistory history;
    private final Clock clock;

    public PrivacyNotices(PrivacyNoticeRepository repository, RegisterHistory history, Clock clock) {
        this.repository = repository;
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
        return listed(repository.list(audience).stream().map(PrivacyNoticeEntity::view).toList());
    }

    /** One page for the console, by audience and newest first, each with its state: {@code limit} rows from {@code offset}. */
    @Transactional
    public List<Listed> page(Optional<PrivacyNotice.Audience> audience, int offset, int limit) {
        return listed(repository.page(audience, offset, limit).stream().map(PrivacyNoticeEntity::view).toList());
    }

    /** The current version of each audience that has one, in audience order. */
    @Transactional
    public List<Listed> current() {
        return current(clock.instant());
    }

    private List<Listed> current(Instant now) {
        return repository.inForce(now).stream().map(n -> new Listed(n.view(), PrivacyNotice.State.CURRENT)).toList();
    }

    @Transactional
    public Optional<Listed> find(long id) {
        return repository.findByIdOptional(id).map(n -> listed(List.of(n.view())).get(0));
    }

    /** The text as published, when it was given rather than only its hash. */
    @Transactional
    public Optional<String> text(long id) {
        return repository.findByIdOptional(id).map(n -> n.text);
    }

    @Transactional
    public PrivacyNotice create(NoticeRequest request, String actor) {
        Input in = validate(request);
        Instant now = now();
        if (repository.labelTaken(in.audience(), in.versionLabel())) {
            throw DomainException.conflict("This audience already has a version with this version_label.");
        }
        if (repository.instantTaken(in.audience(), in.publishedAt())) {
            throw DomainException.conflict("This audience already has a version published at this instant.");
        }
        PrivacyNoticeEntity row = new PrivacyNoticeEntity();
        row.audience = in.audience().wire();
        row.versionLabel = in.versionLabel();
        row.url = in.url();
        row.publishedAt = in.publishedAt();
        row.sha256 = in.sha256();
        row.text = in.text();
        row.reviewIntervalDays = in.reviewIntervalDays();
        row.createdAt = now;
        UniqueWrite.orConflict(() -> repository.persistAndFlush(row), () -> DomainException.conflict(
                "Another version with this version_label or published_at was just created for this audience."));
        PrivacyNotice created = row.view();
        history.record(RegisterHistory.Register.PRIVACY_NOTICE, created.id(), "created", actor, now, null, created, null);
        return created;
    }

    /** Withdraws a version before it takes effect; a published version stays, and a change is a new version. */
    @Transactional
    public PrivacyNotice retract(long id, RetractRequest request, String actor) {
        Fields f = new Fields();
        String reason = f.text("reason", request.reason(), 2000, true);
        f.throwIfAny();
        Instant now = now();
        PrivacyNoticeEntity row = repository.lock(id);
        PrivacyNotice before = row.view();
        if (before.retractedAt() != null) {
            throw DomainException.conflict("This version is already retracted.");
        }
        if (!before.publishedAt().isAfter(now)) {
            throw DomainException.conflict("This version is already published and cannot be retracted; publish a new version instead.");
        }
        row.retractedAt = now;
        row.retractionReason = reason;
        PrivacyNotice retracted = row.view();
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
}

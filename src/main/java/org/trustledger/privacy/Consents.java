package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.trustledger.common.DomainException;

/** The consent register: purposes and legal-text versions the organisation relies on, with their history. */
@ApplicationScoped
public class Consents {

    /** A create or update body, as sent. */
    public record ConsentRequest(
            String purposeId,
            String description,
            String legalTextVersion,
            List<String> collectedVia,
            String proofLocation,
            String withdrawalMethod,
            String lastReviewedAt,
            String status) {
    }

    record Input(String purposeId, String description, String legalTextVersion, List<String> collectedVia, String proofLocation,
            String withdrawalMethod, Instant lastReviewedAt, Consent.Status status) {
    }

    static final String NOT_FOUND = ConsentRepository.NOT_FOUND;
    static final Pattern PURPOSE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_CHANNELS = 20;

    private final ConsentRepository repository;
    private final RegisterHistory history;
    private final Clock clock;

    public Consents(ConsentRepository repository, RegisterHistory history, Clock clock) {
        this.repository = repository;
        this.history = history;
        this.clock = clock;
    }

    static Input validate(ConsentRequest r, Instant now) {
        Fields f = new Fields();
        String purposeId = f.token("purpose_id", r.purposeId(), PURPOSE_ID,
                "must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit", true);
        String description = f.text("description", r.description(), 2000, true);
        String version = f.line("legal_text_version", r.legalTextVersion(), 64, true);
        List<String> channels = new ArrayList<>();
        if (r.collectedVia() == null || r.collectedVia().isEmpty()) {
            f.malformed("collected_via", "is required: at least one form or channel");
        } else if (r.collectedVia().size() > MAX_CHANNELS) {
            f.malformed("collected_via", "must list at most " + MAX_CHANNELS + " channels");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < r.collectedVia().size(); i++) {
                String channel = f.line("collected_via[" + i + "]", r.collectedVia().get(i), 100, true);
                if (channel != null && !seen.add(channel)) {
                    f.malformed("collected_via[" + i + "]", "is listed twice");
                }
                channels.add(channel);
            }
        }
        String proof = f.line("proof_location", r.proofLocation(), 500, true);
        String withdrawal = f.text("withdrawal_method", r.withdrawalMethod(), 2000, true);
        Instant reviewed = f.timestamp("last_reviewed_at", r.lastReviewedAt(), false);
        Consent.Status status = f.oneOf("status", r.status(), Consent.Status.class, false);
        f.throwIfMalformed();
        if (reviewed != null && reviewed.isAfter(now)) {
            f.refuse("last_reviewed_at", "must not be in the future");
        }
        f.throwIfAny();
        return new Input(purposeId, description, version, List.copyOf(channels), proof, withdrawal, reviewed,
                status == null ? Consent.Status.ACTIVE : status);
    }

    /** The API's filters as sent: an unknown status or a malformed purpose id is a 400 naming the parameter. */
    @Transactional
    public List<Consent> list(String status, String purposeId) {
        Optional<String> purpose = Optional.ofNullable(purposeId).filter(p -> !p.isEmpty());
        if (purpose.isPresent() && !PURPOSE_ID.matcher(purpose.get()).matches()) {
            throw DomainException.invalid("Unknown filter value.",
                    List.of(new DomainException.Violation("purpose_id", "is not a well-formed purpose id")));
        }
        return list(Fields.filter("status", status, Consent.Status.class), purpose);
    }

    @Transactional
    public List<Consent> list(Optional<Consent.Status> status, Optional<String> purposeId) {
        return repository.list(status, purposeId).stream().map(ConsentEntity::view).toList();
    }

    /** One page for the console, by purpose and age: {@code limit} rows from {@code offset}. */
    @Transactional
    public List<Consent> page(Optional<Consent.Status> status, int offset, int limit) {
        return repository.page(status, offset, limit).stream().map(ConsentEntity::view).toList();
    }

    @Transactional
    public Optional<Consent> find(long id) {
        return repository.findByIdOptional(id).map(ConsentEntity::view);
    }

    @Transactional
    public Consent create(ConsentRequest request, String actor) {
        Instant now = now();
        Input in = validate(request, now);
        // Checked first so the usual clash does not make PostgreSQL log an error; the flush covers a racing insert.
        if (repository.versionTaken(in.purposeId(), in.legalTextVersion(), 0)) {
            throw duplicate();
        }
        ConsentEntity row = new ConsentEntity();
        row.describe(in);
        row.createdAt = now;
        row.updatedAt = now;
        UniqueWrite.orConflict(() -> repository.persistAndFlush(row), Consents::duplicate);
        Consent created = row.view();
        history.record(RegisterHistory.Register.CONSENT, row.id, "created", actor, now, null, created, null);
        return created;
    }

    @Transactional
    public Consent update(long id, ConsentRequest request, String actor) {
        Instant now = now();
        Input in = validate(request, now);
        ConsentEntity row = repository.lock(id);
        Consent before = row.view();
        if (repository.versionTaken(in.purposeId(), in.legalTextVersion(), id)) {
            throw duplicate();
        }
        row.describe(in);
        row.updatedAt = now;
        UniqueWrite.orConflict(repository::flush, Consents::duplicate);
        Consent updated = row.view();
        history.record(RegisterHistory.Register.CONSENT, id, "updated", actor, now, before, updated, null);
        return updated;
    }

    /** Removes a record; its history stays, ending with a revision without snapshot. */
    @Transactional
    public void delete(long id, String actor) {
        Instant now = now();
        ConsentEntity row = repository.lock(id);
        Consent before = row.view();
        repository.delete(row);
        history.record(RegisterHistory.Register.CONSENT, id, "deleted", actor, now, before, null, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException duplicate() {
        return DomainException.conflict("A consent record for this purpose_id and legal_text_version already exists.");
    }
}

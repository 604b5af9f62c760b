package org.trustledger.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.trustledger.web.Problem;

/** The consent register: purposes and legal-text versions the organisation relies on, with their history. */
@ApplicationScoped
public class Consents {

    /** A create or update body, as sent. */
    public record ConsentRequest(String purposeId, String description, String legalTextVersion, List<String> collectedVia,
            String proofLocation, String withdrawalMethod, String lastReviewedAt, String status) {
    }

    record Input(String purposeId, String description, String legalTextVersion, List<String> collectedVia, String proofLocation,
            String withdrawalMethod, Instant lastReviewedAt, Consent.Status status) {
    }

    static final String NOT_FOUND = "No consent record with this id.";
    static final Pattern PURPOSE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_CHANNELS = 20;
    private static final String COLUMNS = """
            id, purpose_id, description, legal_text_version, CAST(collected_via AS text), proof_location, withdrawal_method,
            last_reviewed_at, status, created_at, updated_at""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final RegisterHistory history;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Consents(EntityManager em, RegisterHistory history, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.history = history;
        this.mapper = mapper;
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

    @Transactional
    public List<Consent> list(Optional<Consent.Status> status, Optional<String> purposeId) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        status.ifPresent(s -> {
            params.add(s.wire());
            where.add("status = ?" + params.size());
        });
        purposeId.ifPresent(p -> {
            params.add(p);
            where.add("purpose_id = ?" + params.size());
        });
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM consent_purpose"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY purpose_id, created_at, id");
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return consents(q);
    }

    @Transactional
    public Optional<Consent> find(long id) {
        return consents(em.createNativeQuery("SELECT " + COLUMNS + " FROM consent_purpose WHERE id = ?1").setParameter(1, id))
                .stream().findFirst();
    }

    @Transactional
    public Consent create(ConsentRequest request, String actor) {
        Instant now = now();
        Input in = validate(request, now);
        List<?> ids = uniquely(() -> em.createNativeQuery("""
                INSERT INTO consent_purpose (purpose_id, description, legal_text_version, collected_via, proof_location,
                                             withdrawal_method, last_reviewed_at, status, created_at, updated_at)
                VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6, ?7, ?8, ?9, ?9)
                ON CONFLICT (purpose_id, legal_text_version) DO NOTHING RETURNING id
                """)
                .setParameter(1, in.purposeId())
                .setParameter(2, in.description())
                .setParameter(3, in.legalTextVersion())
                .setParameter(4, json(in.collectedVia()))
                .setParameter(5, in.proofLocation())
                .setParameter(6, in.withdrawalMethod())
                .setParameter(7, in.lastReviewedAt() == null ? null : Timestamp.from(in.lastReviewedAt()))
                .setParameter(8, in.status().wire())
                .setParameter(9, Timestamp.from(now))
                .getResultList());
        if (ids.isEmpty()) {
            throw duplicate();
        }
        Consent created = fetch(RegisterSql.id(ids.get(0)));
        history.record(RegisterHistory.Register.CONSENT, created.id(), "created", actor, now, null, created, null);
        return created;
    }

    @Transactional
    public Consent update(long id, ConsentRequest request, String actor) {
        Instant now = now();
        Input in = validate(request, now);
        Consent before = lock(id);
        // Checked first so the usual clash does not make PostgreSQL log an error; the catch covers a racing insert.
        if (!em.createNativeQuery("SELECT 1 FROM consent_purpose WHERE purpose_id = ?1 AND legal_text_version = ?2 AND id <> ?3")
                .setParameter(1, in.purposeId()).setParameter(2, in.legalTextVersion()).setParameter(3, id).getResultList().isEmpty()) {
            throw duplicate();
        }
        uniquely(() -> em.createNativeQuery("""
                UPDATE consent_purpose SET purpose_id = ?2, description = ?3, legal_text_version = ?4, collected_via = CAST(?5 AS jsonb),
                       proof_location = ?6, withdrawal_method = ?7, last_reviewed_at = ?8, status = ?9, updated_at = ?10
                 WHERE id = ?1
                """)
                .setParameter(1, id)
                .setParameter(2, in.purposeId())
                .setParameter(3, in.description())
                .setParameter(4, in.legalTextVersion())
                .setParameter(5, json(in.collectedVia()))
                .setParameter(6, in.proofLocation())
                .setParameter(7, in.withdrawalMethod())
                .setParameter(8, in.lastReviewedAt() == null ? null : Timestamp.from(in.lastReviewedAt()))
                .setParameter(9, in.status().wire())
                .setParameter(10, Timestamp.from(now))
                .executeUpdate());
        Consent updated = fetch(id);
        history.record(RegisterHistory.Register.CONSENT, id, "updated", actor, now, before, updated, null);
        return updated;
    }

    /** Removes a record; its history stays, ending with a revision without snapshot. */
    @Transactional
    public void delete(long id, String actor) {
        Instant now = now();
        Consent before = lock(id);
        em.createNativeQuery("DELETE FROM consent_purpose WHERE id = ?1").setParameter(1, id).executeUpdate();
        history.record(RegisterHistory.Register.CONSENT, id, "deleted", actor, now, before, null, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Runs a statement that may hit the (purpose_id, legal_text_version) uniqueness; a clash (even a racing one) is 409. */
    private static <T> T uniquely(java.util.function.Supplier<T> statement) {
        try {
            return statement.get();
        } catch (PersistenceException e) {
            if (RegisterSql.isUniqueViolation(e)) {
                throw duplicate();
            }
            throw e;
        }
    }

    private static Problem.Exception duplicate() {
        return Problem.Exception.of(409, "A consent record for this purpose_id and legal_text_version already exists.");
    }

    private Consent lock(long id) {
        return consents(em.createNativeQuery("SELECT " + COLUMNS + " FROM consent_purpose WHERE id = ?1 FOR UPDATE").setParameter(1, id))
                .stream().findFirst().orElseThrow(() -> Problem.Exception.of(404, NOT_FOUND));
    }

    private Consent fetch(long id) {
        return consents(em.createNativeQuery("SELECT " + COLUMNS + " FROM consent_purpose WHERE id = ?1").setParameter(1, id)).get(0);
    }

    private String json(List<String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Consent> consents(Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Consent> result = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                result.add(new Consent(RegisterSql.id(r[0]), (String) r[1], (String) r[2], (String) r[3], mapper.readValue((String) r[4], STRINGS),
                        (String) r[5], (String) r[6], RegisterSql.instantOrNull(r[7]),
                        Fields.parse(Consent.Status.class, (String) r[8]).orElseThrow(), RegisterSql.instantOrNull(r[9]),
                        RegisterSql.instantOrNull(r[10])));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }
}

package org.trustledger.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.trustledger.ledger.GovernanceLog;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.trustledger.SqlValues;

/**
 * The revision history of the privacy registers (breaches, consents, DPIAs, privacy notices): who changed
 * what, when. {@link #record} is the one place a register change is written; it joins the caller's
 * transaction, so a revision exists exactly when its change does. When the governance event chain
 * (DESIGN §5) arrives, the event is appended from {@link #record}, and from nowhere else.
 */
@ApplicationScoped
public class RegisterHistory {

    public enum Register {
        BREACH, CONSENT, DPIA, PRIVACY_NOTICE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One field that differs from the previous version; {@code from} is null on creation, {@code to} on deletion. */
    public record Change(String field, JsonNode from, JsonNode to) {
    }

    /** One version of a register row: the whole row as the API showed it after the change (null once deleted). */
    public record Revision(int revision, Instant at, String actor, String action, String note, List<Change> changes,
            JsonNode snapshot) {
    }

    /** Fields every change touches; listing them as changed would only add noise. */
    private static final Set<String> NOT_DIFFED = Set.of("updated_at");
    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final GovernanceLog governance;

    public RegisterHistory(EntityManager em, ObjectMapper mapper, GovernanceLog governance) {
        this.governance = governance;
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * Writes the next revision of a register row. The caller holds the row's lock (or has just inserted it),
     * so revisions of one row are numbered without gaps or races.
     *
     * @param before the row as the API showed it before the change; null when it was created
     * @param after the row as the API shows it after the change; null when it was deleted
     * @param actor the staff username from the session
     * @param note the reason given with the change, if any
     * @return the revision number, counted from 1 per row
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int record(Register register, long recordId, String action, String actor, Instant at, Object before, Object after,
            String note) {
        ObjectNode from = before == null ? null : mapper.valueToTree(before);
        ObjectNode to = after == null ? null : mapper.valueToTree(after);
        int revision = ((Number) em.createNativeQuery(
                "SELECT COALESCE(MAX(revision), 0) + 1 FROM register_revision WHERE register = ?1 AND record_id = ?2")
                .setParameter(1, register.wire()).setParameter(2, recordId).getSingleResult()).intValue();
        // A deletion has no snapshot; NULL is spelled out, as an untyped null parameter cannot be cast to jsonb.
        Query insert = em.createNativeQuery("""
                INSERT INTO register_revision (register, record_id, revision, at, actor, action, note, changes, snapshot)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb), %s)
                """.formatted(to == null ? "NULL" : "CAST(?9 AS jsonb)"))
                .setParameter(1, register.wire())
                .setParameter(2, recordId)
                .setParameter(3, revision)
                .setParameter(4, Timestamp.from(at))
                .setParameter(5, actor)
                .setParameter(6, action)
                .setParameter(7, note)
                .setParameter(8, json(diff(from, to)));
        if (to != null) {
            insert.setParameter(9, json(to));
        }
        insert.executeUpdate();
        // Field names only: register values (breach descriptions, notes) can hold personal data.
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("register", register.wire());
        details.put("action", action);
        details.put("revision", revision);
        details.put("changed_fields", changedFields(from, to));
        governance.record(GovernanceLog.REGISTER_CHANGED, actor, register.wire() + ":" + recordId, details);
        return revision;
    }

    /** Every revision of a row, oldest first; empty if the row never existed. */
    @Transactional
    public List<Revision> history(Register register, long recordId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT revision, at, actor, action, note, CAST(changes AS text), CAST(snapshot AS text)
                  FROM register_revision WHERE register = ?1 AND record_id = ?2 ORDER BY revision
                """).setParameter(1, register.wire()).setParameter(2, recordId).getResultList();
        List<Revision> revisions = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                revisions.add(new Revision(((Number) r[0]).intValue(), SqlValues.instant(r[1]), (String) r[2], (String) r[3],
                        (String) r[4], mapper.readValue((String) r[5], CHANGES), r[6] == null ? null : mapper.readTree((String) r[6])));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return revisions;
    }

    /** The top-level fields whose values differ, in the order the row lists them. */
    static List<Change> diff(ObjectNode before, ObjectNode after) {
        Set<String> fields = new LinkedHashSet<>();
        for (ObjectNode node : new ObjectNode[] {after, before}) {
            if (node != null) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                    fields.add(it.next());
                }
            }
        }
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode from = before == null ? null : before.get(field);
            JsonNode to = after == null ? null : after.get(field);
            if (NOT_DIFFED.contains(field) || Objects.equals(orNull(from), orNull(to))) {
                continue;
            }
            changes.add(new Change(field, orNull(from), orNull(to)));
        }
        return changes;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> changedFields(ObjectNode from, ObjectNode to) {
        TreeSet<String> names = new TreeSet<>();
        if (from != null) {
            from.fieldNames().forEachRemaining(names::add);
        }
        if (to != null) {
            to.fieldNames().forEachRemaining(names::add);
        }
        names.removeIf(n -> java.util.Objects.equals(from == null ? null : from.get(n), to == null ? null : to.get(n)));
        return List.copyOf(names);
    }
}

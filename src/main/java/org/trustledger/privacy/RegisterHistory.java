package org.trustledger.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.trustledger.ledger.GovernanceLog;

/**
 * The revision history of the privacy registers (breaches, consents, DPIAs, privacy notices): who changed
 * what, when. {@link #record} is the one place a register change is written; it joins the caller's
 * transaction, so a revision exists exactly when its change does, and appends the change's governance event,
 * so that no register change escapes the governance chain.
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

    private final ObjectMapper mapper;
    private final GovernanceLog governance;

    public RegisterHistory(ObjectMapper mapper, GovernanceLog governance) {
        this.governance = governance;
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
        Integer last = RegisterRevisionEntity.getEntityManager()
                .createQuery("select max(r.revision) from RegisterRevisionEntity r where r.register = ?1 and r.recordId = ?2", Integer.class)
                .setParameter(1, register.wire()).setParameter(2, recordId).getSingleResult();
        int revision = last == null ? 1 : last.intValue() + 1;
        RegisterRevisionEntity row = new RegisterRevisionEntity();
        row.register = register.wire();
        row.recordId = recordId;
        row.revision = revision;
        row.at = at;
        row.actor = actor;
        row.action = action;
        row.note = note;
        row.changes = json(diff(from, to));
        row.snapshot = to == null ? null : json(to);
        row.persist();
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
        List<RegisterRevisionEntity> rows = RegisterRevisionEntity.list("register = ?1 and recordId = ?2 order by revision",
                register.wire(), recordId);
        List<Revision> revisions = new ArrayList<>();
        for (RegisterRevisionEntity r : rows) {
            try {
                revisions.add(new Revision(r.revision, r.at, r.actor, r.action, r.note, mapper.readValue(r.changes, CHANGES),
                        r.snapshot == null ? null : mapper.readTree(r.snapshot)));
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

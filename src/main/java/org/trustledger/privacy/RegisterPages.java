package org.trustledger.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.trustledger.common.Role;
import org.trustledger.web.ReadableTime;

/**
 * {@code /staff/privacy/registers}: the index of the privacy registers, readable by every staff role as their APIs are.
 * Also how every register page shows a revision history ({@link #revisions}).
 */
@Path("/staff/privacy/registers")
@Produces(MediaType.TEXT_HTML)
public class RegisterPages {

    @CheckedTemplate(basePath = "console/privacy", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance registers();
    }

    /** One revision of a register record: who changed what, when, each changed field with its old and new value. */
    @TemplateData
    public record RevisionRow(int revision, Instant at, String actor, String action, String note, List<ChangeRow> changes) {
    }

    @TemplateData
    public record ChangeRow(String field, String from, String to) {
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public TemplateInstance index() {
        return Templates.registers();
    }

    /** A record's history, newest revision first, its values as people read them (times readable, lists joined). */
    static List<RevisionRow> revisions(List<RegisterHistory.Revision> history) {
        List<RegisterHistory.Revision> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);
        return newestFirst.stream().map(r -> new RevisionRow(r.revision(), r.at(), r.actor(), FormErrors.label(r.action()), r.note(),
                r.changes().stream().map(c -> new ChangeRow(FormErrors.label(c.field()), value(c.from()), value(c.to()))).toList())).toList();
    }

    /** A JSON value of a snapshot in words: "—" for none, "yes"/"no", times and dates readable, lists comma-separated. */
    static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "—";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "yes" : "no";
        }
        if (v.isArray()) {
            return v.isEmpty() ? "—" : StreamSupport.stream(v.spliterator(), false).map(RegisterPages::value).collect(Collectors.joining(", "));
        }
        if (v.isTextual()) {
            String s = v.textValue();
            if (s.length() >= 20 && s.charAt(10) == 'T' && s.endsWith("Z")) {
                try {
                    return ReadableTime.readable(Instant.parse(s));
                } catch (DateTimeException e) {
                    return s;
                }
            }
            if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                try {
                    return ReadableTime.readable(LocalDate.parse(s));
                } catch (DateTimeException e) {
                    return s;
                }
            }
            return s;
        }
        return v.toString();
    }
}

package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.trustledger.common.DomainException;
import org.trustledger.ledger.GovernanceLog;

/**
 * Data-subject request cases and their events. Staff work goes through Hibernate; the public intake and its
 * per-IP rate limit are plain JDBC statements in auto-commit (see {@link #submit}).
 */
@ApplicationScoped
public class DsrCaseRepository implements PanacheRepositoryBase<DsrCaseEntity, Long> {

    static final String NOT_FOUND = "No case with this id.";
    /** The date that matters to staff: the extended one once there is one. */
    private static final String BY_DEADLINE = " order by coalesce(extendedUntil, dueAt), id";
    private static final String OPEN = "status not in ('completed', 'rejected')";

    /** A checked submission with everything its one statement writes. */
    record NewCase(String clientIp, Instant windowStart, int limit, byte[] tokenSha256, EmailHmac.Digest email, RequestType type,
            Jurisdiction jurisdiction, String details, Instant receivedAt, Instant dueAt, GovernanceLog.Queued event) {
    }

    /** Counts one intake attempt of a client IP in a window; returns the attempts in the window, this one included. */
    private static final String COUNT_ATTEMPT = """
            INSERT INTO dsr_rate_limit (client_ip, window_start, attempts) VALUES (?, ?, 1)
            ON CONFLICT (client_ip, window_start) DO UPDATE SET attempts = dsr_rate_limit.attempts + 1
            RETURNING attempts""";

    /**
     * The public hot path in one statement, so one round trip and one commit: count the attempt against the client's
     * hourly allowance and, only if it is within it, insert the case, its receipt event and the queued governance
     * event. The statement is atomic in auto-commit, so there is never a case without its events, nor an
     * uncounted one.
     */
    private static final String SUBMIT = "WITH attempt AS (" + COUNT_ATTEMPT + """
            ), new_case AS (
                INSERT INTO dsr_case (token_sha256, email_hmac, email_key_id, request_type, jurisdiction, details, status,
                                      received_at, due_at, updated_at)
                SELECT ?, ?, ?, ?, ?, ?, 'received', ?, ?, ? FROM attempt WHERE attempts <= ?
                RETURNING id
            ), receipt_event AS (
                INSERT INTO dsr_case_event (case_id, at, actor, kind, from_status, to_status)
                SELECT id, ?, NULL, 'received', NULL, 'received' FROM new_case
            ), queued AS (
                INSERT INTO governance_outbox (recorded_at, kind, actor, subject, details)
                SELECT ?, ?, ?, 'dsr:' || id, ? FROM new_case
            )
            SELECT attempts FROM attempt
            """;

    private final DataSource dataSource;

    public DsrCaseRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<DsrCaseEntity> list(Optional<DsrStatus> status, Optional<Jurisdiction> jurisdiction) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        status.ifPresent(s -> {
            where.add("status = :status");
            params.put("status", s.wire());
        });
        jurisdiction.ifPresent(j -> {
            where.add("jurisdiction = :jurisdiction");
            params.put("jurisdiction", j.name());
        });
        return list("from DsrCaseEntity" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + BY_DEADLINE, params);
    }

    /**
     * One page of the console queue, read in index order: open cases (or one open status) from the partial index
     * dsr_case_open_due, every case or a closed status from dsr_case_effective_due. A page reads {@code limit} rows
     * past {@code offset} whatever the table's size. The open predicate is spelt with literals, as the index's is.
     */
    List<DsrCaseEntity> queue(DsrCases.QueueFilter filter, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.openOnly()) {
            where.add(OPEN);
        }
        filter.status().ifPresent(s -> {
            where.add("status = :status");
            params.put("status", s.wire());
        });
        filter.type().ifPresent(t -> {
            where.add("requestType = :type");
            params.put("type", t.wire());
        });
        return find("from DsrCaseEntity" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + BY_DEADLINE, params)
                .range(offset, offset + limit - 1).list();
    }

    List<DsrCaseEntity> byEmail(EmailHmac.Digest digest) {
        return list("emailKeyId = ?1 and emailHmac = ?2" + BY_DEADLINE, digest.keyId(), digest.hmac());
    }

    /** The case, locked until the transaction ends so concurrent changes to one case go one after the other. */
    DsrCaseEntity lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> DomainException.notFound(NOT_FOUND));
    }

    List<DsrCaseEventEntity> events(long caseId) {
        return DsrCaseEventEntity.list("caseId = ?1 order by id", caseId);
    }

    Optional<DsrCaseEntity> byTokenSha256(byte[] sha256) {
        return find("tokenSha256", sha256).firstResultOptional();
    }

    /** How many cases are still open (neither completed nor rejected). */
    @Transactional
    public long openCount() {
        return count(OPEN);
    }

    /** Open cases whose effective deadline comes before {@code instant}, earliest first. */
    @Transactional
    public List<DsrCaseEntity> openDueBefore(Instant instant) {
        return list("from DsrCaseEntity where " + OPEN + " and coalesce(extendedUntil, dueAt) < ?1" + BY_DEADLINE, instant);
    }

    /*
     * The intake and its rate limit stay on plain JDBC in auto-commit, not Hibernate with a JTA transaction: the
     * submission is one statement, and a JTA transaction around it adds its begin and commit to the hot path that
     * bench/dsr-intake.sh measures (2,500 to 3,000 requests per second on plain JDBC). A rejected attempt's count
     * must also commit on its own although the request then writes nothing else.
     */

    /** Counts the attempt and, within the allowance, records the case; returns the attempts in the window, this one included. */
    int submit(NewCase c) {
        OffsetDateTime at = utc(c.receivedAt());
        try (Connection db = dataSource.getConnection(); PreparedStatement ps = db.prepareStatement(SUBMIT)) {
            int i = 0;
            ps.setString(++i, c.clientIp());
            ps.setObject(++i, utc(c.windowStart()));
            ps.setBytes(++i, c.tokenSha256());
            ps.setBytes(++i, c.email().hmac());
            ps.setString(++i, c.email().keyId());
            ps.setString(++i, c.type().wire());
            ps.setString(++i, c.jurisdiction().name());
            ps.setString(++i, c.details());
            ps.setObject(++i, at);
            ps.setObject(++i, utc(c.dueAt()));
            ps.setObject(++i, at);
            ps.setInt(++i, c.limit());
            ps.setObject(++i, at);
            ps.setObject(++i, c.event().recordedAt());
            ps.setString(++i, c.event().kind());
            ps.setString(++i, c.event().actor());
            ps.setBytes(++i, c.event().details());
            return attempts(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("DSR intake: " + e.getSQLState(), e);
        }
    }

    /** Counts an attempt that writes nothing else; returns the attempts in the window, this one included. */
    int countAttempt(String clientIp, Instant windowStart) {
        try (Connection db = dataSource.getConnection(); PreparedStatement ps = db.prepareStatement(COUNT_ATTEMPT)) {
            ps.setString(1, clientIp);
            ps.setObject(2, utc(windowStart));
            return attempts(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("DSR rate limit: " + e.getSQLState(), e);
        }
    }

    /** Drops the counts of windows that started before {@code start}; returns how many. */
    int purgeWindowsBefore(Instant start) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement ps = db.prepareStatement("DELETE FROM dsr_rate_limit WHERE window_start < ?")) {
            ps.setObject(1, utc(start));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("DSR rate limit purge: " + e.getSQLState(), e);
        }
    }

    private static int attempts(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

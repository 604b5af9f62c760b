package org.trustledger.privacy;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Privacy deadlines coming up, for the console dashboard: open DSR cases by their effective deadline, breach
 * notification clocks still running (or run out), and DPIA reviews. Read-only; every query is limited and ordered by
 * an index (the open-case deadline index for the 20,000-case queue; breaches and DPIAs are short registers).
 */
@ApplicationScoped
public class UpcomingDeadlines {

    /** An open case due at {@code dueAt} (the extended deadline once there is one). */
    public record CaseDue(long id, String requestType, String jurisdiction, String status, Instant dueAt, boolean overdue) {
    }

    /** A breach notification not yet made, due at {@code dueAt}. */
    public record NotificationDue(long breachId, String title, String party, Instant dueAt, boolean overdue) {
    }

    /** An approved DPIA whose review date is {@code nextReview}. */
    public record ReviewDue(long id, String title, LocalDate nextReview, boolean overdue) {
    }

    /** At most this many open breaches are looked at; the register is short, the limit keeps the query bounded anyway. */
    static final int MAX_BREACHES = 200;

    private final DataSource dataSource;
    private final BreachDeadlines deadlines;

    public UpcomingDeadlines(DataSource dataSource, BreachDeadlines deadlines) {
        this.dataSource = dataSource;
        this.deadlines = deadlines;
    }

    /** Open cases due on or before {@code until} (overdue ones first, as they sort earliest), at most {@code limit}. */
    public List<CaseDue> cases(Instant now, Instant until, int limit) {
        List<CaseDue> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT id, request_type, jurisdiction, status, COALESCE(extended_until, due_at) FROM dsr_case
                         WHERE status NOT IN ('completed', 'rejected') AND COALESCE(extended_until, due_at) <= ?
                         ORDER BY COALESCE(extended_until, due_at), id LIMIT ?
                        """)) {
            ps.setObject(1, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant due = rs.getObject(5, OffsetDateTime.class).toInstant();
                    String type = RequestType.parse(rs.getString(2)).map(RequestType::label).orElse(rs.getString(2));
                    String law = Jurisdiction.valueOf(rs.getString(3)).label();
                    out.add(new CaseDue(rs.getLong(1), type, law, rs.getString(4), due, now.isAfter(due)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read DSR deadlines", e);
        }
        return out;
    }

    /** Required notifications of open breaches, not yet made, due on or before {@code until}; missed ones included. */
    @Transactional
    public List<NotificationDue> breachNotifications(Instant now, Instant until) {
        List<BreachEntity> open = BreachEntity.<BreachEntity>find("status = 'open' and (controllersNotifiedAt is null"
                + " or authorityNotifiedAt is null or subjectsNotifiedAt is null) order by awareAt, id")
                .page(Page.ofSize(MAX_BREACHES)).list();
        List<NotificationDue> out = new ArrayList<>();
        for (BreachEntity e : open) {
            Breach b = e.view();
            for (BreachDeadlines.Deadline d : deadlines.deadlines(b, now)) {
                boolean running = d.state() == BreachDeadlines.State.PENDING || d.state() == BreachDeadlines.State.OVERDUE;
                if (running && !d.dueAt().isAfter(until)) {
                    out.add(new NotificationDue(b.id(), b.title(), d.party().wire(), d.dueAt(), d.state() == BreachDeadlines.State.OVERDUE));
                }
            }
        }
        return out;
    }

    /** Approved DPIAs whose review falls on or before {@code until}; overdue once the review date has passed. */
    @Transactional
    public List<ReviewDue> dpiaReviews(LocalDate today, LocalDate until) {
        return DpiaEntity.<DpiaEntity>find("status = 'approved' and nextReview <= ?1 order by nextReview, id", until)
                .page(Page.ofSize(50)).list().stream()
                .map(d -> new ReviewDue(d.id, d.title, d.nextReview, d.nextReview.isBefore(today))).toList();
    }
}

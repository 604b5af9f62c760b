package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;

/** A row of the DPIA register; {@link #view(LocalDate)} is the record the API and the revision history show. */
@Entity
@Table(name = "dpia")
public class DpiaEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "processing_activity_id")
    public String processingActivityId;

    public String title;

    @Column(columnDefinition = "jsonb")
    @Convert(converter = JsonTextList.class)
    @ColumnTransformer(read = "CAST(triggers AS text)", write = "CAST(? AS jsonb)")
    public List<String> triggers;

    public String outcome;

    @Column(name = "outcome_reason")
    public String outcomeReason;

    @Column(name = "risk_level")
    public String riskLevel;

    public String measures;

    /** As stored: 'approved' becomes review_due in {@link #view} once {@code nextReview} has come. */
    public String status;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "next_review")
    public LocalDate nextReview;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    void describe(Dpias.Input in) {
        processingActivityId = in.processingActivityId();
        title = in.title();
        triggers = in.triggers().stream().map(Dpia.Trigger::wire).toList();
        outcome = in.outcome() == null ? null : in.outcome().wire();
        outcomeReason = in.outcomeReason();
        riskLevel = in.riskLevel() == null ? null : in.riskLevel().wire();
        measures = in.measures();
    }

    /** The DPIA as of {@code today} (UTC): an approved one whose review date has come is due for review. */
    public Dpia view(LocalDate today) {
        Dpia.Status stored = Fields.parse(Dpia.Status.class, status).orElseThrow();
        Dpia.Status effective = stored == Dpia.Status.APPROVED && !nextReview.isAfter(today) ? Dpia.Status.REVIEW_DUE : stored;
        return new Dpia(id, processingActivityId, title,
                triggers.stream().map(t -> Fields.parse(Dpia.Trigger.class, t).orElseThrow()).toList(),
                outcome == null ? null : Fields.parse(Dpia.Outcome.class, outcome).orElseThrow(), outcomeReason,
                riskLevel == null ? null : Fields.parse(Dpia.RiskLevel.class, riskLevel).orElseThrow(), measures, effective,
                approvedBy, approvedAt, nextReview, createdAt, updatedAt);
    }
}

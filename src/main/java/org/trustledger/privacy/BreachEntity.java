package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the breach register; {@link #view()} is the record the API and the revision history show. */
@Entity
@Table(name = "breach")
public class BreachEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String description;

    @Column(name = "aware_at")
    public Instant awareAt;

    @Column(name = "personal_data_affected")
    public boolean personalDataAffected;

    @Column(name = "our_role")
    public String ourRole;

    @Column(name = "high_risk_to_subjects")
    public boolean highRiskToSubjects;

    @Column(name = "authority_notification_required")
    public boolean authorityNotificationRequired;

    @Column(name = "no_authority_notification_reason")
    public String noAuthorityNotificationReason;

    @Column(name = "delay_reason")
    public String delayReason;

    @Column(name = "controllers_notified_at")
    public Instant controllersNotifiedAt;

    @Column(name = "authority_notified_at")
    public Instant authorityNotifiedAt;

    @Column(name = "subjects_notified_at")
    public Instant subjectsNotifiedAt;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Sets the descriptive fields a create or update replaces. */
    void describe(Breaches.Input in) {
        title = in.title();
        description = in.description();
        awareAt = in.awareAt();
        personalDataAffected = in.personalDataAffected();
        ourRole = in.ourRole().wire();
        highRiskToSubjects = in.highRiskToSubjects();
        authorityNotificationRequired = in.authorityNotificationRequired();
        noAuthorityNotificationReason = in.noAuthorityNotificationReason();
        delayReason = in.delayReason();
    }

    void notified(Breach.Party party, Instant at) {
        switch (party) {
            case CONTROLLERS -> controllersNotifiedAt = at;
            case AUTHORITY -> authorityNotifiedAt = at;
            case SUBJECTS -> subjectsNotifiedAt = at;
        }
    }

    public Breach view() {
        return new Breach(id, title, description, awareAt, personalDataAffected, Fields.parse(Breach.OurRole.class, ourRole).orElseThrow(),
                highRiskToSubjects, authorityNotificationRequired, noAuthorityNotificationReason, delayReason, controllersNotifiedAt,
                authorityNotifiedAt, subjectsNotifiedAt, Fields.parse(Breach.Status.class, status).orElseThrow(), createdAt, updatedAt,
                closedAt);
    }
}

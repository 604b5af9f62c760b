package org.trustledger.reports;

/** The documents rendered from the system description, and how often each is due. */
public enum ReportKind {
    /** GDPR Art. 30 record, monthly; its subject is the organisation. */
    ROPA,
    /** Transfer impact assessment, quarterly; one per vendor that needs one. */
    TIA;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

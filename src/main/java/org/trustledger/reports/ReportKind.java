package org.trustledger.reports;

/** The documents rendered from the system description, and how often each is due. */
public enum ReportKind {
    /** GDPR Art. 30 record, monthly; its subject is the organisation. */
    ROPA,
    /** Transfer impact assessment, quarterly; one per vendor that needs one. */
    TIA,
    /** Statement of Applicability (ISO 27001) or control status (SOC 2, GDPR), on demand; its subject is the framework. */
    SOA;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

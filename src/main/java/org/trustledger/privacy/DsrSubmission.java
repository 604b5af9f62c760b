package org.trustledger.privacy;

/** A request as submitted, JSON or form, before any check. */
public record DsrSubmission(String email, String requestType, String jurisdiction, String details) {
}

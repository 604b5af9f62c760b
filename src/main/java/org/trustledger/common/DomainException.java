package org.trustledger.common;

import java.util.List;

/**
 * A request that the domain refuses, in the domain's words. Services throw a subclass (or one of the
 * generic ones below); the one mapper in {@code web} turns it into problem+json with the status its
 * {@link Kind} names, so no service needs to know about HTTP.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is; {@code web} maps each kind to one HTTP status. */
    public enum Kind {
        /** The thing named does not exist (404). */
        NOT_FOUND,
        /** The request is well-formed but conflicts with the current state (409). */
        CONFLICT,
        /** A field's value is not acceptable (400, with the fields). */
        INVALID,
        /** Well-formed and consistent, but the domain cannot process it (422). */
        UNPROCESSABLE,
        /** The thing existed but is gone for good, e.g. an expired token (410). */
        GONE,
        /** The caller is known but may not do this (403). */
        FORBIDDEN
    }

    /** One rejected field: its path in the request ({@code controls[2]}) and why. */
    public record Violation(String field, String reason) {
    }

    private final Kind kind;
    private final List<Violation> violations;

    public DomainException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public DomainException(Kind kind, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }

    public static DomainException invalid(String message, List<Violation> violations) {
        return new DomainException(Kind.INVALID, message, violations);
    }

    public static DomainException invalid(String field, String reason) {
        return new DomainException(Kind.INVALID, "The request has invalid fields.", List.of(new Violation(field, reason)));
    }
}

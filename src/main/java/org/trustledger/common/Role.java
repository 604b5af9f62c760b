package org.trustledger.common;

import java.util.Set;

/** Staff roles; the strings are what {@code @RolesAllowed} and the database use. */
public final class Role {

    public static final String ADMIN = "admin";
    public static final String COMPLIANCE = "compliance";
    public static final String PRIVACY = "privacy";
    public static final String AUDITOR = "auditor";

    public static final Set<String> ALL = Set.of(ADMIN, COMPLIANCE, PRIVACY, AUDITOR);

    private Role() {
    }
}

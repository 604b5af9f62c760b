package org.trustledger.web;

import java.util.List;
import java.util.Set;
import org.trustledger.common.Role;

/** The staff console's sections, in menu order, each with the roles that may open it (the same roles its API allows). */
public final class ConsoleNav {

    /** A menu entry; {@code roles} empty means any signed-in staff member. */
    public record Item(String path, String label, Set<String> roles) {

        public boolean allows(Set<String> held) {
            return roles.isEmpty() || roles.stream().anyMatch(held::contains);
        }
    }

    private static final Set<String> EVIDENCE_READERS = Set.of(Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR);
    private static final Set<String> EVERY_ROLE = Set.of(Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY, Role.AUDITOR);

    public static final List<Item> ITEMS = List.of(
            new Item("/staff", "Dashboard", Set.of()),
            new Item("/staff/collectors", "Collectors", EVIDENCE_READERS),
            new Item("/staff/gaps", "Gaps", EVIDENCE_READERS),
            new Item("/staff/privacy/requests", "Privacy requests", Set.of(Role.ADMIN, Role.PRIVACY)),
            new Item("/staff/privacy/breaches", "Breaches", EVERY_ROLE),
            new Item("/staff/privacy/registers", "Privacy registers", EVERY_ROLE),
            new Item("/staff/reports", "Reports", EVERY_ROLE),
            new Item("/staff/exports", "Exports", Set.of(Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR)),
            new Item("/staff/ledger", "Ledger", Set.of(Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR)),
            new Item("/staff/activity", "Activity", Set.of(Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR)),
            new Item("/staff/accounts", "Accounts", Set.of(Role.ADMIN)));

    private ConsoleNav() {
    }

    /** The entries {@code roles} may open. */
    public static List<Item> visibleTo(Set<String> roles) {
        return ITEMS.stream().filter(i -> i.allows(roles)).toList();
    }

    /** The entry a path belongs to: the longest menu path that is a prefix of it. */
    public static String sectionOf(String path) {
        String best = "/staff";
        for (Item i : ITEMS) {
            if ((path.equals(i.path()) || path.startsWith(i.path() + "/")) && i.path().length() > best.length()) {
                best = i.path();
            }
        }
        return best;
    }
}

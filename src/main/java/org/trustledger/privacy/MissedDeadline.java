package org.trustledger.privacy;

import java.time.Instant;

/**
 * A breach notification whose deadline has passed without the notification being recorded. It stays missed
 * until the notification is recorded (late); then it is no longer returned.
 *
 * @param breachId the breach
 * @param party who has not been told
 * @param dueAt when the deadline passed
 */
public record MissedDeadline(long breachId, Breach.Party party, Instant dueAt) {

    /** Every source key starts with this, so the gaps of breach SLAs can be told from other sources. */
    public static final String SOURCE_PREFIX = "breach:";

    /**
     * A stable key for this (breach, party): {@code breach:<id>:<party>}, e.g. {@code breach:42:authority}.
     * The same missed deadline always has the same key, however often it is checked.
     */
    public String sourceKey() {
        return SOURCE_PREFIX + breachId + ":" + party.wire();
    }

    /** The catalog control whose deadline this is: Art. 33 for controllers and the authority, Art. 34 for data subjects. */
    public String controlId() {
        return party == Breach.Party.SUBJECTS ? "GDPR:Art.34" : "GDPR:Art.33";
    }

    /** One line for a gap; names the breach by id only, never its title or description. */
    public String summary() {
        String who = switch (party) {
            case CONTROLLERS -> "the controllers";
            case AUTHORITY -> "the supervisory authority";
            case SUBJECTS -> "the data subjects";
        };
        return "Breach " + breachId + ": notifying " + who + " was due at " + dueAt + " and is not recorded";
    }
}

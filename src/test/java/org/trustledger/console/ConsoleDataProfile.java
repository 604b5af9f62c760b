package org.trustledger.console;

import org.trustledger.ledger.FreshLedgerProfile;

/**
 * The dashboard, ledger and activity tests' own application start: a freshly migrated database (so a missed day can be
 * created by dating evidence in the past before anything else is appended) and a clock the tests can move.
 */
public class ConsoleDataProfile extends FreshLedgerProfile {
}

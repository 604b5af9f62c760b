package org.trustledger.export;

import org.trustledger.ledger.FreshLedgerProfile;

/**
 * The console export tests' own application start: a fresh ledger (so package contents are known) and a movable clock (so
 * evidence can lie on past days and a closed period be exported twice). Separate from {@link ExportLedgerProfile}, whose
 * test counts leaves from index 0.
 */
public class ExportConsoleProfile extends FreshLedgerProfile {
}

package org.trustledger.export;

import org.trustledger.ledger.FreshLedgerProfile;

/** A fresh ledger of its own (own application start), so the export test and ManifestSealingTest never share evidence. */
public class ExportLedgerProfile extends FreshLedgerProfile {
}

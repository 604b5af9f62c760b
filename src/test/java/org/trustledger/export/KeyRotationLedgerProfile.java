package org.trustledger.export;

import org.trustledger.ledger.FreshLedgerProfile;

/** A fresh ledger of its own for the key-rotation export test: it registers a second key, which no other test expects. */
public class KeyRotationLedgerProfile extends FreshLedgerProfile {
}

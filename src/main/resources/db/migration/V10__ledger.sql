-- Evidence ledger (issue 3): one append-only RFC 6962 log over all evidence items, its stored
-- subtree hashes, signing keys, issued checkpoints, daily manifests and the governance event chain.
-- Formats are documented in README.md ("Ledger formats").

-- One row per leaf. `canonical` holds the exact leaf bytes (JCS of the evidence item); the other
-- columns are a queryable copy of fields inside them, checked against them by the verifier.
CREATE TABLE evidence (
    idx            BIGINT      PRIMARY KEY CHECK (idx >= 0),
    id             UUID        NOT NULL UNIQUE,
    collector      TEXT        NOT NULL,
    collected_at   TIMESTAMPTZ NOT NULL,
    observed_at    TIMESTAMPTZ,
    controls       TEXT[]      NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('pass', 'fail', 'error')),
    summary        TEXT        NOT NULL,
    payload_sha256 BYTEA       NOT NULL CHECK (octet_length(payload_sha256) = 32),
    canonical      BYTEA       NOT NULL,
    leaf_hash      BYTEA       NOT NULL CHECK (octet_length(leaf_hash) = 32)
);
CREATE INDEX evidence_payload_sha256 ON evidence (payload_sha256);
CREATE INDEX evidence_leaf_hash ON evidence (leaf_hash);
CREATE INDEX evidence_collected_at ON evidence (collected_at);
CREATE INDEX evidence_collector ON evidence (collector, idx);

-- Hash of every complete aligned subtree of height >= 1: node (level, idx) is the root of leaves
-- [idx << level, (idx + 1) << level). Written once, when its last leaf is appended.
CREATE TABLE ledger_node (
    level SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 62),
    idx   BIGINT   NOT NULL CHECK (idx >= 0),
    hash  BYTEA    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- The single head row is the serialisation point: every append batch and every seal locks it
-- FOR UPDATE. `frontier` is the compact range of [0, tree_size): one 32-byte subtree root per set
-- bit of tree_size, largest first. `collected_floor` is the lowest collected_at the next leaf may
-- get: the last leaf's collected_at, raised to the end of the last sealed day.
CREATE TABLE ledger_head (
    singleton       BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    tree_size       BIGINT      NOT NULL CHECK (tree_size >= 0),
    frontier        BYTEA       NOT NULL,
    collected_floor TIMESTAMPTZ
);
INSERT INTO ledger_head (singleton, tree_size, frontier, collected_floor) VALUES (TRUE, 0, ''::BYTEA, NULL);

-- Ed25519 signing keys. key_id = hex SHA-256 of the SubjectPublicKeyInfo DER; old keys stay listed.
CREATE TABLE ledger_key (
    key_id     TEXT        PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{64}$'),
    algorithm  TEXT        NOT NULL CHECK (algorithm = 'Ed25519'),
    public_key BYTEA       NOT NULL UNIQUE CHECK (octet_length(public_key) = 32),
    origin     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    retired_at TIMESTAMPTZ
);

-- Every checkpoint handed out, so the same tree size always gets the same signed note.
CREATE TABLE ledger_checkpoint (
    tree_size BIGINT      PRIMARY KEY CHECK (tree_size >= 0),
    root_hash BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    key_id    TEXT        NOT NULL REFERENCES ledger_key (key_id),
    note      TEXT        NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL
);

-- Daily manifests: `body` is the exact JCS bytes served; `signature` is Ed25519 over them.
CREATE TABLE ledger_manifest (
    day         DATE        PRIMARY KEY,
    first_index BIGINT      NOT NULL,
    tree_size   BIGINT      NOT NULL,
    body        BYTEA       NOT NULL,
    sha256      BYTEA       NOT NULL CHECK (octet_length(sha256) = 32),
    key_id      TEXT        NOT NULL REFERENCES ledger_key (key_id),
    signature   BYTEA       NOT NULL CHECK (octet_length(signature) = 64),
    sealed_at   TIMESTAMPTZ NOT NULL
);

-- Governance events: hash = SHA-256(prev_hash || canonical), canonical = JCS of the event object.
CREATE TABLE governance_event (
    seq         BIGINT      PRIMARY KEY CHECK (seq >= 0),
    occurred_at TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    subject     TEXT,
    canonical   BYTEA       NOT NULL,
    prev_hash   BYTEA       NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash        BYTEA       NOT NULL CHECK (octet_length(hash) = 32)
);
CREATE INDEX governance_event_kind ON governance_event (kind, seq);

-- Serialisation point of the governance chain, locked FOR UPDATE per event.
CREATE TABLE governance_head (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    size      BIGINT  NOT NULL CHECK (size >= 0),
    hash      BYTEA   NOT NULL CHECK (octet_length(hash) = 32)
);
INSERT INTO governance_head (singleton, size, hash) VALUES (TRUE, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::BYTEA);

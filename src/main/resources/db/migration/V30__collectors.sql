-- Collectors (issue 4): run history, service-account tokens, manual evidence, nonconformity register.

-- One row per collector run (scheduled, staff-triggered, pushed by CI or after an upload).
-- evidence_index stays NULL until the evidence ledger is wired in: it will hold the run's leaf index.
CREATE TABLE collector_run (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collector_id   TEXT        NOT NULL,
    origin         TEXT        NOT NULL CHECK (origin IN ('schedule', 'manual', 'push', 'upload')),
    triggered_by   TEXT,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ NOT NULL,
    collected_at   TIMESTAMPTZ NOT NULL,
    observed_at    TIMESTAMPTZ,
    status         TEXT        NOT NULL CHECK (status IN ('pass', 'fail', 'error')),
    summary        TEXT        NOT NULL CHECK (length(summary) BETWEEN 1 AND 500 AND summary !~ '[\r\n]'),
    payload        JSONB       NOT NULL,
    payload_sha256 BYTEA       NOT NULL CHECK (octet_length(payload_sha256) = 32),
    controls       TEXT[]      NOT NULL CHECK (cardinality(controls) > 0),
    evidence_index BIGINT      UNIQUE,
    CHECK (finished_at >= started_at)
);
CREATE INDEX collector_run_latest ON collector_run (collector_id, collected_at DESC, id DESC);

-- Bearer tokens with which CI pushes evidence for one collector. Only the SHA-256 of a token is kept.
CREATE TABLE collector_token (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collector_id TEXT        NOT NULL,
    label        TEXT        NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    token_sha256 BYTEA       NOT NULL UNIQUE CHECK (octet_length(token_sha256) = 32),
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    revoked_by   TEXT,
    last_used_at TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);
CREATE INDEX collector_token_collector ON collector_token (collector_id);

-- Evidence files uploaded by staff for manual collectors, valid until expires_at.
CREATE TABLE manual_upload (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collector_id TEXT        NOT NULL,
    filename     TEXT        NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    media_type   TEXT        NOT NULL,
    size_bytes   INTEGER     NOT NULL CHECK (size_bytes > 0),
    sha256       BYTEA       NOT NULL CHECK (octet_length(sha256) = 32),
    content      BYTEA       NOT NULL,
    note         TEXT,
    uploaded_at  TIMESTAMPTZ NOT NULL,
    uploaded_by  TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    CHECK (octet_length(content) = size_bytes),
    CHECK (expires_at > uploaded_at)
);
CREATE INDEX manual_upload_collector ON manual_upload (collector_id, expires_at DESC);

-- Nonconformity register. A source (collector id, or e.g. a breach case) has at most one open gap.
CREATE TABLE gap (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source        TEXT        NOT NULL,
    controls      TEXT[]      NOT NULL,
    severity      TEXT        NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    status        TEXT        NOT NULL CHECK (status IN ('open', 'closed')),
    reason        TEXT        NOT NULL,
    opened_at     TIMESTAMPTZ NOT NULL,
    opened_by_run BIGINT      REFERENCES collector_run (id),
    last_seen_at  TIMESTAMPTZ NOT NULL,
    assignee      TEXT,
    resolution    TEXT,
    closed_at     TIMESTAMPTZ,
    closed_by     TEXT,
    closed_by_run BIGINT      REFERENCES collector_run (id),
    CHECK ((status = 'open') = (closed_at IS NULL)),
    CHECK (status = 'open' OR (resolution IS NOT NULL AND closed_by IS NOT NULL))
);
CREATE UNIQUE INDEX gap_one_open_per_source ON gap (source) WHERE status = 'open';
CREATE INDEX gap_status ON gap (status, opened_at DESC);

-- Who did what to a gap, and when.
CREATE TABLE gap_event (
    id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gap_id BIGINT      NOT NULL REFERENCES gap (id),
    at     TIMESTAMPTZ NOT NULL,
    actor  TEXT        NOT NULL,
    action TEXT        NOT NULL CHECK (action IN ('opened', 'assigned', 'closed')),
    detail TEXT        NOT NULL
);
CREATE INDEX gap_event_gap ON gap_event (gap_id, id);

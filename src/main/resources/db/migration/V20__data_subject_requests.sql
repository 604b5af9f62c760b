-- Data-subject requests (issue 5): intake, staff case handling, and the per-IP intake rate limit.

-- One row per request. The requester's email is kept only as an HMAC (key outside the database,
-- key id beside it so the key can rotate); the status token only as its SHA-256.
CREATE TABLE dsr_case (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_sha256     BYTEA       NOT NULL UNIQUE CHECK (octet_length(token_sha256) = 32),
    email_hmac       BYTEA       NOT NULL CHECK (octet_length(email_hmac) = 32),
    email_key_id     TEXT        NOT NULL CHECK (email_key_id ~ '^[0-9a-f]{8}$'),
    request_type     TEXT        NOT NULL CHECK (request_type IN ('access', 'rectification', 'erasure', 'restriction',
                                     'portability', 'objection', 'withdraw_consent', 'automated_decision',
                                     'know', 'delete', 'correct', 'opt_out', 'limit')),
    jurisdiction     TEXT        NOT NULL CHECK (jurisdiction IN ('EU_GDPR', 'UK_GDPR', 'CH_FADP', 'US_CCPA')),
    details          TEXT        CHECK (char_length(details) <= 2000),
    status           TEXT        NOT NULL CHECK (status IN ('received', 'verifying', 'in_progress', 'completed', 'rejected')),
    received_at      TIMESTAMPTZ NOT NULL,
    -- End (23:59:59 UTC) of the last day the law allows; extended_until likewise once extended.
    due_at           TIMESTAMPTZ NOT NULL,
    extended_until   TIMESTAMPTZ,
    extension_reason TEXT,
    updated_at       TIMESTAMPTZ NOT NULL,
    CHECK ((extended_until IS NULL) = (extension_reason IS NULL)),
    CHECK (extended_until IS NULL OR extended_until > due_at)
);
CREATE INDEX dsr_case_effective_due ON dsr_case ((COALESCE(extended_until, due_at)), id);
CREATE INDEX dsr_case_email ON dsr_case (email_hmac);

-- What happened to a case, in order: receipt, every status change, the extension.
-- actor is the staff username; NULL means the data subject through the public intake.
CREATE TABLE dsr_case_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     BIGINT      NOT NULL REFERENCES dsr_case (id),
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT,
    kind        TEXT        NOT NULL CHECK (kind IN ('received', 'transition', 'extension')),
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    note        TEXT        CHECK (char_length(note) <= 2000)
);
CREATE INDEX dsr_case_event_case ON dsr_case_event (case_id, id);

-- Intake attempts per client IP and clock hour, shared by every instance; rows of past hours are purged.
CREATE TABLE dsr_rate_limit (
    client_ip    TEXT        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    attempts     INTEGER     NOT NULL,
    PRIMARY KEY (client_ip, window_start)
);
CREATE INDEX dsr_rate_limit_window ON dsr_rate_limit (window_start);

-- Staff accounts, their sessions, and login throttling (issue 2).
CREATE TABLE staff_account (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username          TEXT        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    password_hash     TEXT        NOT NULL,
    roles             TEXT[]      NOT NULL CHECK (roles <@ ARRAY['admin','compliance','privacy','auditor']::TEXT[] AND cardinality(roles) > 0),
    enabled           BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at     TIMESTAMPTZ,
    roles_reviewed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a session token is stored: a database dump cannot be replayed as a login.
CREATE TABLE staff_session (
    token_sha256 BYTEA       PRIMARY KEY CHECK (octet_length(token_sha256) = 32),
    account_id   BIGINT      NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_session_account ON staff_session (account_id);

-- Failed-login counters per account name and per client IP, shared by every instance.
CREATE TABLE login_throttle (
    subject      TEXT        PRIMARY KEY,
    failures     INTEGER     NOT NULL,
    first_failed TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);

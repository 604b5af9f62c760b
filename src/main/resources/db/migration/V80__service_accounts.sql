-- Service accounts (issue 7 item 4): non-human callers (CI) with scoped, expiring bearer tokens.
-- There is one token table: collector_token. A token either belongs to a service account
-- (account_id set, collector_id NULL) or is a legacy per-collector token (collector_id set).
-- Either way its scopes are rows of collector_token_scope, which is what the push endpoint checks.
CREATE TABLE service_account (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    description TEXT        CHECK (length(description) <= 500),
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    disabled    BOOLEAN     NOT NULL DEFAULT FALSE
);

ALTER TABLE collector_token ADD COLUMN account_id BIGINT REFERENCES service_account (id);
ALTER TABLE collector_token ALTER COLUMN collector_id DROP NOT NULL;
ALTER TABLE collector_token ADD CONSTRAINT collector_token_owner CHECK ((account_id IS NULL) <> (collector_id IS NULL));
CREATE INDEX collector_token_account ON collector_token (account_id);

CREATE TABLE collector_token_scope (
    token_id     BIGINT NOT NULL REFERENCES collector_token (id),
    collector_id TEXT   NOT NULL,
    PRIMARY KEY (token_id, collector_id)
);
INSERT INTO collector_token_scope (token_id, collector_id) SELECT id, collector_id FROM collector_token;

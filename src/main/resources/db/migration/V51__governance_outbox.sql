-- Governance events written by high-volume public paths (DSR intake) without taking the chain's head lock;
-- a clustered job appends them to governance_event in batches, in id order.
CREATE TABLE governance_outbox (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    subject     TEXT,
    details     BYTEA       NOT NULL
);

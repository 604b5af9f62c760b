-- Rendered reports (RoPA, TIA): the exact bytes served for download and their SHA-256.
CREATE TABLE report (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('ropa', 'tia')),
    subject      TEXT        NOT NULL,
    period       TEXT        NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL,
    generated_by TEXT        NOT NULL,
    sha256       BYTEA       NOT NULL CHECK (octet_length(sha256) = 32),
    html         BYTEA       NOT NULL
);
CREATE INDEX report_kind_period ON report (kind, period);
-- One scheduled rendering per report and period, however many instances fire.
CREATE UNIQUE INDEX report_scheduled_once ON report (kind, subject, period) WHERE generated_by = 'scheduler';

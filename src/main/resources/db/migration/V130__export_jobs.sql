-- Audit-package exports started from the console (issue 12) run as background jobs. The job row is the queue: any
-- instance claims a queued row once (UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED)), writes a heartbeat
-- while it works, and a clustered sweep marks a running job whose heartbeat stopped as failed, so a crashed instance's
-- export is reported, never lost silently.
CREATE TABLE export_job (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    framework    TEXT        NOT NULL,
    period_from  DATE        NOT NULL,
    period_to    DATE        NOT NULL CHECK (period_to >= period_from),
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired')),
    worker       TEXT,
    started_at   TIMESTAMPTZ,
    heartbeat_at TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    phase        TEXT,
    items_total  BIGINT,
    items_done   BIGINT      NOT NULL DEFAULT 0,
    size         BIGINT,
    sha256       BYTEA       CHECK (sha256 IS NULL OR octet_length(sha256) = 32),
    chunk_count  INTEGER,
    error        TEXT,
    CHECK (status <> 'done' OR (size IS NOT NULL AND sha256 IS NOT NULL AND chunk_count IS NOT NULL))
);
-- The claim and the sweep read only these few rows; listings page on the primary key.
CREATE INDEX export_job_queued ON export_job (id) WHERE status = 'queued';
CREATE INDEX export_job_running ON export_job (heartbeat_at) WHERE status = 'running';
CREATE INDEX export_job_done ON export_job (finished_at) WHERE status = 'done';

-- The finished zip, in 1 MiB pieces: every instance can serve a download (they share the database, not a disk),
-- a package of any size streams in and out without being held in memory (one bytea value is limited to 1 GB),
-- and deleting the job deletes its bytes. Zip data is already compressed, so TOAST stores it as it is.
CREATE TABLE export_chunk (
    export_id BIGINT  NOT NULL REFERENCES export_job (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL CHECK (seq >= 0),
    bytes     BYTEA   NOT NULL,
    PRIMARY KEY (export_id, seq)
);
ALTER TABLE export_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;

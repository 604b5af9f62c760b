-- Staff console (issue 12): the dashboard's coverage history, and indexes for the dashboard's and the activity
-- page's queries so that none of them scans a big table (200k governance events, 50k gaps, 20k DSR cases).

-- One row per UTC day and framework: the control figures as last computed that day (by the dashboard or the hourly
-- clustered job; an upsert keyed by day and framework, so instances never duplicate a day). Days without a row are
-- shown as "no data", never filled in.
CREATE TABLE coverage_snapshot (
    day        DATE        NOT NULL,
    framework  TEXT        NOT NULL CHECK (framework ~ '^[a-z0-9]{1,32}$'),
    applicable INTEGER     NOT NULL CHECK (applicable >= 0),
    covered    INTEGER     NOT NULL CHECK (covered >= 0 AND covered <= applicable),
    passing    INTEGER     NOT NULL CHECK (passing >= 0),
    failing    INTEGER     NOT NULL CHECK (failing >= 0),
    stale      INTEGER     NOT NULL CHECK (stale >= 0),
    taken_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (day, framework),
    CHECK (passing + failing + stale = covered)
);

-- Activity page: newest first (occurred_at, then seq), filtered by any of actor, kind and a date range; each filter
-- combination has an index whose order is the page's order, so a page reads only its own rows.
CREATE INDEX governance_event_time ON governance_event (occurred_at, seq);
CREATE INDEX governance_event_actor_time ON governance_event (actor, occurred_at, seq);
CREATE INDEX governance_event_kind_time ON governance_event (kind, occurred_at, seq);
CREATE INDEX governance_event_kind_actor_time ON governance_event (kind, actor, occurred_at, seq);

-- Dashboard: open gaps counted by severity from the index alone.
CREATE INDEX gap_open_severity ON gap (severity) WHERE status = 'open';

-- Dashboard: the open DSR cases with the nearest deadlines are read from dsr_case_open_due (V120).

-- Dashboard: live push tokens by expiry.
CREATE INDEX collector_token_live_expiry ON collector_token (expires_at) WHERE revoked_at IS NULL;

-- Staff console (issue 12): the gap board and the collector pages list with LIMIT/OFFSET on an indexed ordering,
-- so a page costs the same with 50,000 gaps as with 50.

-- Severity as a number, so "most severe first" is an index order rather than a sort of the whole register.
ALTER TABLE gap ADD COLUMN severity_rank SMALLINT GENERATED ALWAYS AS (
    CASE severity WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 4 END) STORED;

-- One index per sort (opened, last seen, severity), with and without the status filter; id breaks ties so pages
-- never overlap. The status + opened index supersedes V30's gap_status.
DROP INDEX gap_status;
CREATE INDEX gap_opened ON gap (opened_at DESC, id DESC);
CREATE INDEX gap_status_opened ON gap (status, opened_at DESC, id DESC);
CREATE INDEX gap_last_seen ON gap (last_seen_at DESC, id DESC);
CREATE INDEX gap_status_last_seen ON gap (status, last_seen_at DESC, id DESC);
CREATE INDEX gap_severity ON gap (severity_rank DESC, opened_at DESC, id DESC);
CREATE INDEX gap_status_severity ON gap (status, severity_rank DESC, opened_at DESC, id DESC);
-- "Assigned to me": assignee is NULL for most gaps.
CREATE INDEX gap_assignee ON gap (assignee, opened_at DESC, id DESC) WHERE assignee IS NOT NULL;
-- Control (controls @> ARRAY[c]) and framework (controls && the framework's controls) filters.
CREATE INDEX gap_controls ON gap USING GIN (controls);

-- A collector page lists its latest uploads newest first.
CREATE INDEX manual_upload_collector_uploaded ON manual_upload (collector_id, uploaded_at DESC, id DESC);

-- A collector page shows the latest gaps of its source, open or closed (the unique index covers open ones only).
CREATE INDEX gap_source ON gap (source, opened_at DESC, id DESC);

-- Staff console, privacy pages (issue 12): the indexes behind their server-paginated lists (LIMIT/OFFSET on an
-- indexed ordering, so no page sorts or counts a whole table).

-- The DSR queue shows open cases by the deadline that applies (the benchmark has 20,000 cases, most of them closed).
-- Only open cases are in this index, in queue order, so the default page, and a filter on one open status (which
-- implies the predicate), read their rows straight from it. The predicate is written as the queue's query writes it
-- (literals), so the planner can match it. All cases and the closed statuses, most of the table, are read in order
-- from dsr_case_effective_due (V20). One index more on the intake's insert path, and a small one.
CREATE INDEX dsr_case_open_due ON dsr_case ((COALESCE(extended_until, due_at)), id)
    WHERE status NOT IN ('completed', 'rejected');

-- Breaches newest first without a status filter (breach_status_aware serves the filtered list).
CREATE INDEX breach_aware ON breach (aware_at, id);

-- The registers' list orders.
CREATE INDEX consent_purpose_order ON consent_purpose (purpose_id, created_at, id);
CREATE INDEX dpia_activity_order ON dpia (processing_activity_id, id);
-- dpia_activity_order leads with the same column, so it serves the activity look-ups too.
DROP INDEX dpia_processing_activity;
CREATE INDEX privacy_notice_order ON privacy_notice (audience, published_at DESC, id DESC);

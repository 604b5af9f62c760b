-- DPIA register (GDPR Art. 35): one assessment (or screening) per row, tied to a processing activity of the
-- system description (checked by the application; the description is a YAML file, not a table).
CREATE TABLE dpia (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    processing_activity_id TEXT        NOT NULL CHECK (char_length(processing_activity_id) BETWEEN 1 AND 100),
    title                  TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    -- WP248 rev.01 criteria met, as a JSON array of names (evaluation_scoring, automated_decision, ...).
    triggers               JSONB       NOT NULL CHECK (jsonb_typeof(triggers) = 'array'),
    outcome                TEXT        CHECK (outcome IN ('not_required', 'required')),
    outcome_reason         TEXT        CHECK (char_length(outcome_reason) <= 2000),
    risk_level             TEXT        CHECK (risk_level IN ('low', 'medium', 'high')),
    measures               TEXT        CHECK (char_length(measures) <= 10000),
    -- 'approved' turns into review_due on the API once next_review has come (computed, not stored).
    status                 TEXT        NOT NULL CHECK (status IN ('draft', 'approved', 'review_due')),
    approved_by            TEXT,
    approved_at            TIMESTAMPTZ,
    next_review            DATE,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
    CHECK (status <> 'approved' OR (approved_at IS NOT NULL AND next_review IS NOT NULL AND outcome IS NOT NULL))
);
CREATE INDEX dpia_processing_activity ON dpia (processing_activity_id);

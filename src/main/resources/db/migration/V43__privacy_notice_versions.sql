-- Privacy-notice versions (GDPR Art. 13, 14): what was published, for whom, where and when. Rows are never
-- changed once published; a change is a new version. A version dated in the future may be retracted before it
-- takes effect. The current version of an audience is the latest non-retracted one published at or before now.
CREATE TABLE privacy_notice (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audience             TEXT        NOT NULL CHECK (audience IN ('customers', 'website_visitors', 'applicants', 'staff')),
    version_label        TEXT        NOT NULL CHECK (char_length(version_label) BETWEEN 1 AND 64),
    url                  TEXT        NOT NULL CHECK (url LIKE 'https://%' AND char_length(url) <= 2048),
    published_at         TIMESTAMPTZ NOT NULL,
    -- SHA-256 of the published text's UTF-8 bytes, lowercase hex; text is kept when it was given.
    sha256               TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    text                 TEXT,
    review_interval_days INTEGER     NOT NULL CHECK (review_interval_days BETWEEN 1 AND 1095),
    created_at           TIMESTAMPTZ NOT NULL,
    retracted_at         TIMESTAMPTZ,
    retraction_reason    TEXT        CHECK (char_length(retraction_reason) <= 2000),
    CHECK ((retracted_at IS NULL) = (retraction_reason IS NULL)),
    CHECK (retracted_at IS NULL OR retracted_at < published_at),
    UNIQUE (audience, version_label)
);
-- Two live versions of one audience published at the same instant would leave "current" undecided.
CREATE UNIQUE INDEX privacy_notice_audience_published ON privacy_notice (audience, published_at) WHERE retracted_at IS NULL;

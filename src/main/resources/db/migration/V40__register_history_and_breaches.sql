-- Privacy registers (issue 5, items 4 and 5): the shared revision history and the breach register.

-- Every version of every register row, written by RegisterHistory.record in the same transaction as the
-- change itself. snapshot is the whole row as the API shows it after the change (NULL once deleted);
-- changes lists the fields that differ from the previous version as [{"field","from","to"}].
-- record_id is not a foreign key: the history of a deleted row outlives it.
CREATE TABLE register_revision (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    register  TEXT        NOT NULL CHECK (register IN ('breach', 'consent', 'dpia', 'privacy_notice')),
    record_id BIGINT      NOT NULL,
    revision  INTEGER     NOT NULL CHECK (revision >= 1),
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT        NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 64),
    action    TEXT        NOT NULL CHECK (action ~ '^[a-z_]{1,32}$'),
    note      TEXT        CHECK (char_length(note) <= 2000),
    changes   JSONB       NOT NULL CHECK (jsonb_typeof(changes) = 'array'),
    snapshot  JSONB       CHECK (jsonb_typeof(snapshot) = 'object'),
    UNIQUE (register, record_id, revision)
);

-- Personal data breaches and security incidents (GDPR Art. 33(5): every breach is documented, notified or not).
-- Deadlines are not stored: BreachDeadlines derives them from aware_at, the role and the flags.
CREATE TABLE breach (
    id                               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title                            TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description                      TEXT        CHECK (char_length(description) <= 10000),
    aware_at                         TIMESTAMPTZ NOT NULL,
    personal_data_affected           BOOLEAN     NOT NULL,
    our_role                         TEXT        NOT NULL CHECK (our_role IN ('controller', 'processor')),
    high_risk_to_subjects            BOOLEAN     NOT NULL,
    authority_notification_required  BOOLEAN     NOT NULL,
    -- Why a controller's personal-data breach is not notified: Art. 33(1), unlikely to result in a risk.
    no_authority_notification_reason TEXT        CHECK (char_length(no_authority_notification_reason) <= 2000),
    -- Reasons for a notification of the authority after 72 hours, Art. 33(1).
    delay_reason                     TEXT        CHECK (char_length(delay_reason) <= 2000),
    controllers_notified_at          TIMESTAMPTZ CHECK (controllers_notified_at >= aware_at),
    authority_notified_at            TIMESTAMPTZ CHECK (authority_notified_at >= aware_at),
    subjects_notified_at             TIMESTAMPTZ CHECK (subjects_notified_at >= aware_at),
    status                           TEXT        NOT NULL CHECK (status IN ('open', 'closed')),
    created_at                       TIMESTAMPTZ NOT NULL,
    updated_at                       TIMESTAMPTZ NOT NULL,
    closed_at                        TIMESTAMPTZ,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    CHECK (personal_data_affected OR NOT high_risk_to_subjects),
    CHECK (NOT authority_notification_required OR (personal_data_affected AND our_role = 'controller')),
    CHECK (no_authority_notification_reason IS NULL OR NOT authority_notification_required)
);
CREATE INDEX breach_status_aware ON breach (status, aware_at, id);

-- Consent register (GDPR Art. 7): the consent purposes and texts the organisation relies on. One row per
-- purpose and version of the legal text; the records of individual consents live where proof_location says.
CREATE TABLE consent_purpose (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    purpose_id         TEXT        NOT NULL CHECK (purpose_id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    description        TEXT        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 2000),
    legal_text_version TEXT        NOT NULL CHECK (char_length(legal_text_version) BETWEEN 1 AND 64),
    -- The forms or channels consent is collected through, as a JSON array of strings.
    collected_via      JSONB       NOT NULL CHECK (jsonb_typeof(collected_via) = 'array' AND jsonb_array_length(collected_via) >= 1),
    proof_location     TEXT        NOT NULL CHECK (char_length(proof_location) BETWEEN 1 AND 500),
    -- How consent is withdrawn; Art. 7(3) requires this to be as easy as giving it.
    withdrawal_method  TEXT        NOT NULL CHECK (char_length(withdrawal_method) BETWEEN 1 AND 2000),
    last_reviewed_at   TIMESTAMPTZ,
    status             TEXT        NOT NULL CHECK (status IN ('active', 'retired')),
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (purpose_id, legal_text_version)
);

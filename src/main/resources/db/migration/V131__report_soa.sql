-- Statements of Applicability (and SOC 2 / GDPR control status) rendered from the console are kept like RoPA and TIA
-- renderings: the exact bytes, their SHA-256, when and by whom. Subject is the framework, period the day.
ALTER TABLE report DROP CONSTRAINT report_kind_check;
ALTER TABLE report ADD CONSTRAINT report_kind_check CHECK (kind IN ('ropa', 'tia', 'soa'));

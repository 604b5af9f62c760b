-- Single sign-on (OIDC) staff accounts: identified by the IdP subject, with no local password.
ALTER TABLE staff_account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE staff_account ADD COLUMN sso_subject TEXT UNIQUE CHECK (sso_subject IS NULL OR length(sso_subject) BETWEEN 1 AND 255);
ALTER TABLE staff_account ADD CONSTRAINT staff_account_password_or_sso CHECK (password_hash IS NOT NULL OR sso_subject IS NOT NULL);

-- An OIDC subject is unique only within its issuer (OpenID Connect Core 1.0 §2, "sub"): single sign-on accounts
-- are identified by the pair, so a subject from another identity provider can never sign in as an existing account.
-- Accounts created before this migration have no issuer recorded and are not matched again: their next SSO login
-- creates a new account (README, "Single sign-on"), which is safer than guessing which provider created them.
ALTER TABLE staff_account ADD COLUMN sso_issuer TEXT CHECK (sso_issuer IS NULL OR length(sso_issuer) BETWEEN 1 AND 2000);
ALTER TABLE staff_account ADD CONSTRAINT staff_account_sso_issuer_needs_subject CHECK (sso_issuer IS NULL OR sso_subject IS NOT NULL);
ALTER TABLE staff_account DROP CONSTRAINT staff_account_sso_subject_key;
ALTER TABLE staff_account ADD CONSTRAINT staff_account_sso_identity UNIQUE (sso_issuer, sso_subject);

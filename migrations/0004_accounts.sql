-- Accounts managed in the app (issue 6 §4): a korpschef or the association admin can reset an account to a
-- one-time password, which the user must replace at the next sign-in. The flag gates the user's sessions
-- (only /api/me, changing the password and signing out) until they do.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
-- When the password was last set by its owner (NULL: never since the account was created or reset).
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;
-- A disabled account keeps its history; the moment it was disabled cannot lie in the future of its creation.
ALTER TABLE users ADD CONSTRAINT users_disabled_after_created CHECK (disabled_at IS NULL OR disabled_at >= created_at);
-- Wrong current passwords given when changing one's password, per session: a session left open on a shared
-- computer must not become a way to guess the password without the login throttle. Five end the session.
ALTER TABLE sessions ADD COLUMN password_failures integer NOT NULL DEFAULT 0 CHECK (password_failures >= 0);

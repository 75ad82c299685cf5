-- 0003 login throttle. Why: the throttle reserves a try before the (slow) password check, so that parallel
-- requests cannot all pass the check before any is recorded (issue 6: 100 parallel wrong passwords got more
-- than LOGIN_MAX_FAILURES tries). A reserved try is a row with succeeded NULL: it counts as a failure until
-- its outcome is recorded. For the per-address delay a row's `at` is the moment the try is let through
-- (possibly a few seconds ahead), and `ip` is the throttling key: the client address, an IPv6 client
-- reduced to its /64. The indexes now cover every row (the "last success" lookup, the reserved tries) and
-- the age, for the purge that keeps the table bounded (LOGIN_ATTEMPTS_RETENTION_DAYS).

ALTER TABLE login_attempts ALTER COLUMN succeeded DROP NOT NULL;

DROP INDEX login_attempts_email;
DROP INDEX login_attempts_ip;
CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);
CREATE INDEX login_attempts_at ON login_attempts (at);

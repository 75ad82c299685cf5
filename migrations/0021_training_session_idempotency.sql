-- Training sessions (issue 11, train-sessions): the new-session form sends one idempotency key, so a double
-- submit creates one session. The key is the creating user's, within the organising zone.
ALTER TABLE training_sessions ADD COLUMN idempotency_key text
  CONSTRAINT training_sessions_idempotency_key CHECK (length(idempotency_key) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX training_sessions_idempotency ON training_sessions (zone_id, created_by, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

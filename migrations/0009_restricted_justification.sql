-- Reads of restricted data (informants, complaints, violence victims) are logged with the reader's
-- justification (DESIGN.md §7; LED art. 25: consultation logs carry the justification). The application checks
-- it before the read (platform/justification.ts); this constraint is the last word, so no code path can log a
-- restricted read without one. NOT VALID: no existing row has this action, and audit_events is append-only.
ALTER TABLE audit_events
  ADD CONSTRAINT audit_events_restricted_justified
  CHECK (action <> 'restricted.read' OR coalesce(char_length(btrim(details ->> 'justification')), 0) >= 10) NOT VALID;

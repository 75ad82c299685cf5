-- Consent (issue 6 §1): an agreement grants access only with what every party approved.
-- An approval binds one exact content of its agreement (parties, domains, effective period, trial period, key
-- figures), named by a content version and a SHA-256 hash of that content (canonical JSON, computed by the
-- app). A content change supersedes the approvals given to earlier content: they stay, marked superseded,
-- as history (so an approval no longer disappears with a removed party). An approval recorded by the
-- association's admin on a zone's behalf names the council decision. Ending records a reason, and for an end
-- date in the past the council decision. The database refuses an agreement in force without an approval of
-- its current content by every party, or one that starts before its last approval.

ALTER TABLE agreements
  ADD COLUMN content_version integer NOT NULL DEFAULT 1 CHECK (content_version >= 1),
  -- NULL only for agreements written before this migration; the app sets it on every write.
  ADD COLUMN content_hash text CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  ADD COLUMN end_reason text CHECK (length(end_reason) BETWEEN 1 AND 2000),
  ADD COLUMN end_decision_reference text CHECK (length(end_decision_reference) BETWEEN 1 AND 300);
-- New endings carry their reason (NOT VALID: rows ended before this migration keep theirs as they were).
ALTER TABLE agreements
  ADD CONSTRAINT agreements_end_reason CHECK (status <> 'ended' OR end_reason IS NOT NULL) NOT VALID;

ALTER TABLE agreement_approvals
  ADD COLUMN content_version integer NOT NULL DEFAULT 1 CHECK (content_version >= 1),
  -- NULL for approvals recorded before this migration: they bind no content, so they count as outdated.
  ADD COLUMN content_hash text CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  ADD COLUMN decision_reference text CHECK (length(decision_reference) BETWEEN 1 AND 300),
  ADD COLUMN recorded_by uuid REFERENCES users (id),
  ADD COLUMN recorded_on_behalf boolean NOT NULL DEFAULT false,
  ADD COLUMN superseded_at timestamptz,
  ADD COLUMN superseded_reason text CHECK (superseded_reason IN ('content_changed')),
  ADD CONSTRAINT agreement_approvals_superseded CHECK ((superseded_at IS NULL) = (superseded_reason IS NULL)),
  -- The admin records a zone's decision only with the council decision's reference.
  ADD CONSTRAINT agreement_approvals_on_behalf CHECK (NOT recorded_on_behalf OR decision_reference IS NOT NULL);

-- One current decision per zone, body and municipality; superseded ones stay beside it.
ALTER TABLE agreement_approvals DROP CONSTRAINT agreement_approvals_agreement_id_zone_id_body_municipality__key;
CREATE UNIQUE INDEX agreement_approvals_current ON agreement_approvals (agreement_id, zone_id, body, municipality_id)
  NULLS NOT DISTINCT WHERE superseded_at IS NULL;

-- History outlives a party's removal: the approval points at the agreement and the zone, not at the party row.
ALTER TABLE agreement_approvals DROP CONSTRAINT agreement_approvals_agreement_id_zone_id_fkey;
ALTER TABLE agreement_approvals
  ADD CONSTRAINT agreement_approvals_agreement FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE,
  ADD CONSTRAINT agreement_approvals_zone FOREIGN KEY (zone_id) REFERENCES zones (id);
CREATE INDEX agreement_approvals_agreement ON agreement_approvals (agreement_id);

-- A new decision is one of a current party (what the dropped foreign key guarded).
CREATE FUNCTION agreement_approvals_of_party() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = NEW.agreement_id AND p.zone_id = NEW.zone_id)
  THEN
    RAISE EXCEPTION 'zone % is not a party to agreement %', NEW.zone_id, NEW.agreement_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER agreement_approvals_of_party BEFORE INSERT ON agreement_approvals
  FOR EACH ROW EXECUTE FUNCTION agreement_approvals_of_party();

-- In force only with consent: checked at commit, when the agreement and its approvals are all written.
-- The last approval counts on its latest possible day ("in maart" = 31 March).
CREATE FUNCTION agreements_consent_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a agreements%ROWTYPE;
  last_approval date;
BEGIN
  SELECT * INTO a FROM agreements WHERE id = NEW.id;
  IF NOT FOUND OR a.status <> 'in_force' THEN
    RETURN NULL;
  END IF;
  IF a.content_hash IS NULL OR EXISTS (
    SELECT 1 FROM agreement_parties p
    WHERE p.agreement_id = a.id
      AND (NOT EXISTS (SELECT 1 FROM agreement_approvals ap
                       WHERE ap.agreement_id = a.id AND ap.zone_id = p.zone_id AND ap.superseded_at IS NULL
                         AND ap.decision = 'approved' AND ap.content_hash = a.content_hash)
           OR EXISTS (SELECT 1 FROM agreement_approvals ap
                      WHERE ap.agreement_id = a.id AND ap.zone_id = p.zone_id AND ap.superseded_at IS NULL
                        AND ap.decision = 'rejected' AND ap.content_hash = a.content_hash))
  ) THEN
    RAISE EXCEPTION 'agreement % is in force without every party''s approval of its current content', a.id
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT max(CASE WHEN ap.date_precision = 'month'
                  THEN (date_trunc('month', ap.decided_on) + interval '1 month - 1 day')::date
                  ELSE ap.decided_on END)
    INTO last_approval
    FROM agreement_approvals ap
    WHERE ap.agreement_id = a.id AND ap.superseded_at IS NULL AND ap.content_hash = a.content_hash;
  IF a.effective_from < last_approval THEN
    RAISE EXCEPTION 'agreement % starts on % before its last approval on %', a.id, a.effective_from, last_approval
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER agreements_consent AFTER INSERT OR UPDATE OF status ON agreements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agreements_consent_check();

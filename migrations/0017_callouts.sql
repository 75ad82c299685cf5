-- Call-outs and the monthly payroll statement (issue 8). A call-out (wachtoproep) is the time a person on call
-- (bereikbaar & terugroepbaar) was actually recalled: worked time, counted against the rest rules and listed on
-- the month's statement for the federal HR portal (GALoP Lite: "B&T" and "Wachtoproep").
--
-- The call-out names the on-call duty it was recorded in by its rotation and slot (the duty rows themselves are
-- bitemporal: a swap closes one row and opens another, so a row id would go stale). The application checks that
-- the start lies within a duty of the person; the database guards the shape: a non-empty bounded period of at
-- most 24 hours, and one person's call-outs never overlap (the exclusion constraint has the last word, also
-- between concurrent writers). zone_id is in it, as in every exclusion constraint (DESIGN.md §6).
CREATE TABLE call_outs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  rotation_id uuid NOT NULL REFERENCES rotations (id),
  slot_key text NOT NULL CONSTRAINT call_outs_slot_key CHECK (char_length(slot_key) BETWEEN 1 AND 60),
  period tstzrange NOT NULL CONSTRAINT call_outs_period CHECK (
    NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)
    AND upper(period) - lower(period) <= interval '24 hours'
  ),
  reason text NOT NULL CONSTRAINT call_outs_reason CHECK (char_length(btrim(reason)) BETWEEN 1 AND 500),
  entered_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT call_outs_person FOREIGN KEY (person_id, zone_id) REFERENCES people (id, zone_id) ON UPDATE CASCADE,
  CONSTRAINT call_outs_no_overlap EXCLUDE USING gist (zone_id WITH =, person_id WITH =, period WITH &&)
);
CREATE INDEX call_outs_zone_period ON call_outs USING gist (zone_id, period);

-- The approval of a zone's statement for one month (Brussels calendar month, `month` = its first day). Stored:
-- who approved, when, and the statement as it stood (`totals`: per person, on-call and call-out minutes by
-- category), so the numbers handed to payroll stay what they were. While approved (reopened_at IS NULL) the
-- month's call-outs of the zone are locked; the planner can reopen, and approve again (the row is updated: the
-- audit log keeps every approval and reopening).
CREATE TABLE callout_statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id uuid NOT NULL REFERENCES zones (id),
  month date NOT NULL CONSTRAINT callout_statements_month CHECK (extract(day FROM month) = 1),
  totals jsonb NOT NULL CONSTRAINT callout_statements_totals CHECK (jsonb_typeof(totals) = 'object'),
  approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  approved_at timestamptz NOT NULL,
  reopened_by uuid REFERENCES users (id) ON DELETE SET NULL,
  reopened_at timestamptz,
  CONSTRAINT callout_statements_zone_month UNIQUE (zone_id, month)
);

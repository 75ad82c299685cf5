-- Shared permanences (issue 8): rotations an association runs across its zones, who may stand in them, the
-- rosters a planner drafts and publishes, and the duties in force, with their history.
--
-- A rotation belongs to an association and a permanence domain; it covers some of its zones. It does not point
-- at one agreement: agreements are renewed and superseded, while a rotation runs on. What a partner zone may see
-- of it is decided at the moment of access by the agreements in force then (the policy), as for everything
-- else. The shapes of `pattern`, `eligibility`, `zone_key`, `rules` and `weights` are the plain data of
-- src/server/features/permanences/domain/types.ts, validated by the application's schemas.
--
-- Duties in force are bitemporal: `period` is when the duty is (valid time), `recorded` is when the platform
-- held it to be so (transaction time, from the application's clock). A change after publishing (override,
-- swap, leave replacement) closes the current row's `recorded` and inserts the new one, so "who was on duty for
-- rotation R at instant T, as known at T" is `period @> T AND recorded @> T` — the legal question after an
-- incident — and "as known now" is `period @> T AND upper_inf(recorded)`.

--
-- Sharding (DESIGN.md §6): these rows carry their rotation (hence association) or the person's zone. The rule
-- "one person, one duty at a time" must hold across associations (a zone may be party to two), so it is keyed
-- on the person: a distribution key for these tables is the zone, not the association.

CREATE TABLE rotations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  domain_code text NOT NULL REFERENCES cooperation_domains (code),
  name text NOT NULL CONSTRAINT rotations_name CHECK (char_length(btrim(name)) BETWEEN 1 AND 120),
  duty_kind text NOT NULL CONSTRAINT rotations_duty_kind CHECK (duty_kind IN ('on_call', 'present')),
  people_per_slot smallint NOT NULL DEFAULT 1 CONSTRAINT rotations_people_per_slot CHECK (people_per_slot BETWEEN 1 AND 20),
  pattern jsonb NOT NULL CONSTRAINT rotations_pattern CHECK (jsonb_typeof(pattern) = 'object'),
  eligibility jsonb NOT NULL CONSTRAINT rotations_eligibility CHECK (jsonb_typeof(eligibility) = 'object'),
  zone_key jsonb NOT NULL CONSTRAINT rotations_zone_key CHECK (jsonb_typeof(zone_key) = 'object'),
  rules jsonb NOT NULL DEFAULT '{}' CONSTRAINT rotations_rules CHECK (jsonb_typeof(rules) = 'object'),
  weights jsonb NOT NULL DEFAULT '{}' CONSTRAINT rotations_weights CHECK (jsonb_typeof(weights) = 'object'),
  -- Brussels calendar days; NULL = open-ended.
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- A permanence domain of the catalogue: the four permanences, and the ICT service's permanence.
  CONSTRAINT rotations_domain CHECK (domain_code LIKE 'permanence.%' OR domain_code = 'ict'),
  CONSTRAINT rotations_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT rotations_name_unique UNIQUE (association_id, name),
  CONSTRAINT rotations_id_association UNIQUE (id, association_id)
);

-- The zones a rotation covers, with a custom weight when its zone key says so.
CREATE TABLE rotation_zones (
  rotation_id uuid NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  weight numeric CONSTRAINT rotation_zones_weight CHECK (weight IS NULL OR weight > 0),
  PRIMARY KEY (rotation_id, zone_id)
);
CREATE INDEX rotation_zones_zone ON rotation_zones (zone_id);

-- Who stands in a rotation, and when. Being a member is the reason partner zones see the person (a visibility
-- reason of kind 'rotation', written with the member row; platform/visibility.ts).
CREATE TABLE rotation_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rotation_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  person_id uuid NOT NULL,
  -- Brussels calendar days, '[)'; upper bound NULL = open-ended.
  period daterange NOT NULL CONSTRAINT rotation_members_period CHECK (NOT isempty(period) AND lower(period) IS NOT NULL),
  -- The person's zone is covered by the rotation, and is the person's own zone.
  CONSTRAINT rotation_members_zone FOREIGN KEY (rotation_id, zone_id) REFERENCES rotation_zones (rotation_id, zone_id) ON DELETE CASCADE,
  CONSTRAINT rotation_members_person FOREIGN KEY (person_id, zone_id) REFERENCES people (id, zone_id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT rotation_members_no_overlap EXCLUDE USING gist (rotation_id WITH =, person_id WITH =, period WITH &&)
);
CREATE INDEX rotation_members_person ON rotation_members (person_id);

-- Roster versions: a planner's draft, then published versions. A published version is never edited; changes
-- after publishing are duty rows (below). One draft at a time per rotation.
CREATE TABLE roster_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rotation_id uuid NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
  version integer NOT NULL CONSTRAINT roster_versions_version CHECK (version >= 1),
  status text NOT NULL CONSTRAINT roster_versions_status CHECK (status IN ('draft', 'published', 'discarded')),
  -- The instants the version plans, '[)'.
  horizon tstzrange NOT NULL CONSTRAINT roster_versions_horizon CHECK (NOT isempty(horizon) AND NOT lower_inf(horizon) AND NOT upper_inf(horizon)),
  -- What the solver reported: time, fairness figures, unfillable slots with their rules.
  solver jsonb NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  published_by uuid REFERENCES users (id) ON DELETE SET NULL,
  published_at timestamptz,
  CONSTRAINT roster_versions_published CHECK ((status = 'published') = (published_at IS NOT NULL)),
  CONSTRAINT roster_versions_unique UNIQUE (rotation_id, version)
);
CREATE UNIQUE INDEX roster_versions_one_draft ON roster_versions (rotation_id) WHERE status = 'draft';

-- The slots of a draft, as the solver or the planner left them; person NULL = a gap the planner must fill.
CREATE TABLE roster_draft_slots (
  roster_version_id uuid NOT NULL REFERENCES roster_versions (id) ON DELETE CASCADE,
  -- Stable within a rotation: '<shift label>:<local start date>' (domain/patterns.ts).
  slot_key text NOT NULL CONSTRAINT roster_draft_slots_key CHECK (slot_key ~ '^[a-z0-9_-]{1,40}:\d{4}-\d{2}-\d{2}$'),
  position smallint NOT NULL CONSTRAINT roster_draft_slots_position CHECK (position BETWEEN 1 AND 20),
  period tstzrange NOT NULL CONSTRAINT roster_draft_slots_period CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
  person_id uuid REFERENCES people (id) ON DELETE SET NULL,
  pinned boolean NOT NULL DEFAULT false,
  PRIMARY KEY (roster_version_id, slot_key, position)
);

-- The duties in force, bitemporal (see the top of this file). Each row is one person in one position of one
-- slot, from the version that published it or the change that made it.
CREATE TABLE duties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rotation_id uuid NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
  slot_key text NOT NULL CONSTRAINT duties_slot_key CHECK (slot_key ~ '^[a-z0-9_-]{1,40}:\d{4}-\d{2}-\d{2}$'),
  position smallint NOT NULL CONSTRAINT duties_position CHECK (position BETWEEN 1 AND 20),
  period tstzrange NOT NULL CONSTRAINT duties_period CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
  duty_kind text NOT NULL CONSTRAINT duties_duty_kind CHECK (duty_kind IN ('on_call', 'present')),
  person_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  pinned boolean NOT NULL DEFAULT false,
  -- Why this row exists: a published version, or a change after publishing.
  cause text NOT NULL CONSTRAINT duties_cause CHECK (cause IN ('roster', 'override', 'swap', 'leave_replacement')),
  roster_version_id uuid REFERENCES roster_versions (id),
  cause_id uuid,
  recorded tstzrange NOT NULL CONSTRAINT duties_recorded CHECK (NOT isempty(recorded) AND NOT lower_inf(recorded)),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT duties_person FOREIGN KEY (person_id, zone_id) REFERENCES people (id, zone_id) ON UPDATE CASCADE,
  CONSTRAINT duties_roster_cause CHECK ((cause = 'roster') = (roster_version_id IS NOT NULL)),
  -- The database has the last word on the two conflicts a roster can have, for the duties in force now:
  -- one person is never in two overlapping duties, in any rotation …
  CONSTRAINT duties_person_no_overlap EXCLUDE USING gist (person_id WITH =, period WITH &&) WHERE (upper_inf(recorded)),
  -- … and one position of one slot holds one person.
  CONSTRAINT duties_position_taken EXCLUDE USING gist (rotation_id WITH =, position WITH =, period WITH &&) WHERE (upper_inf(recorded))
);
-- Who is on duty at T (now, or as known at T): per rotation and instant.
CREATE INDEX duties_rotation_period ON duties USING gist (rotation_id, period, recorded);
-- A person's duties (my duties, calendar feed, rest rules).
CREATE INDEX duties_person_period ON duties USING gist (person_id, period) WHERE upper_inf(recorded);

-- Leave and other unavailability, entered by the person or their planner.
CREATE TABLE unavailability (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  period tstzrange NOT NULL CONSTRAINT unavailability_period CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
  kind text NOT NULL CONSTRAINT unavailability_kind CHECK (kind IN ('leave', 'sick', 'training', 'other')),
  note text CONSTRAINT unavailability_note CHECK (char_length(note) <= 500),
  entered_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT unavailability_person FOREIGN KEY (person_id, zone_id) REFERENCES people (id, zone_id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX unavailability_person_period ON unavailability USING gist (person_id, period);

-- Wishes and "rather not": soft preferences the solver weighs, for one rotation or all.
CREATE TABLE duty_preferences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  rotation_id uuid REFERENCES rotations (id) ON DELETE CASCADE,
  period tstzrange NOT NULL CONSTRAINT duty_preferences_period CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
  preference text NOT NULL CONSTRAINT duty_preferences_preference CHECK (preference IN ('wish', 'rather_not')),
  note text CONSTRAINT duty_preferences_note CHECK (char_length(note) <= 500),
  created_at timestamptz NOT NULL,
  CONSTRAINT duty_preferences_person FOREIGN KEY (person_id, zone_id) REFERENCES people (id, zone_id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX duty_preferences_person_period ON duty_preferences USING gist (person_id, period);

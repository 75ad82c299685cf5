-- Joint training with GPI 48 compliance, and the shared briefing tool (issue 11). A zone organises training
-- sessions of the association's courses (GPI 48 use-of-force training and evaluation, first aid, …) with places
-- for the partner zones that share `training`; officers enrol, a full zone's enrolments wait in line and are
-- promoted when a place frees up; the trainer records attendance and the result, which renews qualifications and
-- counts for GPI 48 compliance (domain rule in src/server/features/training/domain). The briefing tool shares the
-- items of a shift briefing (wanted persons and vehicles, attention points, …) with the zones and teams they are
-- for, under `briefing`; restricted items are read only by operational staff of the target zones, each read
-- justified and logged, and every item is purged after its zone's retention period.
--
-- Every table carries zone_id or association_id, and every unique and exclusion constraint includes one of them
-- (DESIGN.md §6). The database guards the per-zone places (a trigger that locks the zone's places row, so
-- concurrent enrolments cannot both take the last place), one live enrolment per person and session, and the
-- sum of the zones' places equal to the session's capacity.

-- Training ---------------------------------------------------------------------------------------------------

-- The thresholds of a zone's GPI 48 compliance (DOMAIN.md: at least 5 sessions per rolling 12 months, one of them
-- an evaluation, spread over the year; configurable, as the circular may change). Sessions closer together than
-- `gpi48_min_gap_days` count once (spread). `warn_days`: the horizon of "will fall behind" and of expiring
-- qualifications. A zone without a row uses the defaults.
CREATE TABLE training_settings (
  zone_id uuid PRIMARY KEY REFERENCES zones (id),
  gpi48_window_months smallint NOT NULL DEFAULT 12
    CONSTRAINT training_settings_window CHECK (gpi48_window_months BETWEEN 1 AND 36),
  gpi48_min_sessions smallint NOT NULL DEFAULT 5
    CONSTRAINT training_settings_min_sessions CHECK (gpi48_min_sessions BETWEEN 1 AND 50),
  gpi48_min_evaluations smallint NOT NULL DEFAULT 1
    CONSTRAINT training_settings_min_evaluations CHECK (gpi48_min_evaluations BETWEEN 0 AND 10),
  gpi48_min_gap_days smallint NOT NULL DEFAULT 14
    CONSTRAINT training_settings_min_gap CHECK (gpi48_min_gap_days BETWEEN 0 AND 180),
  warn_days smallint NOT NULL DEFAULT 60 CONSTRAINT training_settings_warn_days CHECK (warn_days BETWEEN 1 AND 365),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);

-- The association's course catalogue: what a course is, how long it takes, and the qualification it grants or
-- renews (for `qualification_months` from the session's day) when passed.
CREATE TABLE training_courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  code text NOT NULL CONSTRAINT training_courses_code CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
  kind text NOT NULL CONSTRAINT training_courses_kind CHECK (
    kind IN ('gpi48_training', 'gpi48_evaluation', 'first_aid', 'victim_support', 'obp', 'ogp', 'driving', 'other')
  ),
  title text NOT NULL CONSTRAINT training_courses_title CHECK (length(title) BETWEEN 1 AND 200),
  description text CONSTRAINT training_courses_description CHECK (length(description) <= 4000),
  duration_minutes smallint NOT NULL CONSTRAINT training_courses_duration CHECK (duration_minutes BETWEEN 15 AND 2880),
  qualification_code text REFERENCES qualifications (code),
  qualification_months smallint CONSTRAINT training_courses_qualification_months CHECK (
    qualification_months BETWEEN 1 AND 120
  ),
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT training_courses_qualification CHECK (qualification_months IS NULL OR qualification_code IS NOT NULL),
  CONSTRAINT training_courses_code_unique UNIQUE (association_id, code)
);

-- A session of a course, organised by one zone (zone_id), at a place, possibly on booked range lanes (the group of
-- equipment bookings made for it), with a capacity split in places per zone (training_session_places).
-- Enrolments close at lower(period); an officer cancels until cancel_deadline, later only the planner or the
-- organiser (marked late).
CREATE TABLE training_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  zone_id uuid NOT NULL REFERENCES zones (id),
  course_id uuid NOT NULL REFERENCES training_courses (id),
  -- The agreement in force under which partner zones got places (null: the organising zone's own session).
  agreement_id uuid REFERENCES agreements (id),
  period tstzrange NOT NULL CONSTRAINT training_sessions_period CHECK (
    NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)
  ),
  location text NOT NULL CONSTRAINT training_sessions_location CHECK (length(location) BETWEEN 1 AND 200),
  booking_group_id uuid,
  capacity smallint NOT NULL CONSTRAINT training_sessions_capacity CHECK (capacity BETWEEN 1 AND 500),
  cancel_deadline timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'planned' CONSTRAINT training_sessions_status CHECK (
    status IN ('planned', 'cancelled', 'completed')
  ),
  note text CONSTRAINT training_sessions_note CHECK (length(note) <= 2000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT training_sessions_deadline CHECK (cancel_deadline <= lower(period)),
  CONSTRAINT training_sessions_zone UNIQUE (id, zone_id)
);
CREATE INDEX training_sessions_association ON training_sessions (association_id, lower(period));
CREATE INDEX training_sessions_zone_start ON training_sessions (zone_id, lower(period));

-- The places of each zone in a session (the capacity split by the chosen key; a zone without a row has none).
CREATE TABLE training_session_places (
  session_id uuid NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  places smallint NOT NULL CONSTRAINT training_session_places_places CHECK (places BETWEEN 0 AND 500),
  PRIMARY KEY (session_id, zone_id)
);
CREATE INDEX training_session_places_zone ON training_session_places (zone_id);

-- The trainers of a session, from any zone sharing `training` (a partner's trainer is seen through a shared
-- function of domain `training`). `minutes`: the time given, which a helping zone's trainer may have posted to
-- the assistance ledger as support given (ledger_posting).
CREATE TABLE training_session_trainers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  person_id uuid NOT NULL,
  minutes integer NOT NULL CONSTRAINT training_session_trainers_minutes CHECK (minutes BETWEEN 0 AND 2880),
  ledger_posting uuid,
  CONSTRAINT training_session_trainers_person FOREIGN KEY (person_id, zone_id) REFERENCES people (id, zone_id),
  CONSTRAINT training_session_trainers_unique UNIQUE (zone_id, session_id, person_id)
);
CREATE INDEX training_session_trainers_session ON training_session_trainers (session_id);

-- An enrolment of a person (of zone_id, which gives the place it takes) in a session: enrolled, on the waiting
-- list (in order of queued_at), or cancelled. The trainer records attendance, and for a present person the result.
CREATE TABLE training_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  person_id uuid NOT NULL,
  status text NOT NULL CONSTRAINT training_enrolments_status CHECK (status IN ('enrolled', 'waitlisted', 'cancelled')),
  queued_at timestamptz NOT NULL,
  enrolled_at timestamptz,
  promoted_at timestamptz,
  cancelled_at timestamptz,
  late_cancel boolean NOT NULL DEFAULT false,
  enrolled_by uuid REFERENCES users (id) ON DELETE SET NULL,
  cancelled_by uuid REFERENCES users (id) ON DELETE SET NULL,
  attendance text CONSTRAINT training_enrolments_attendance CHECK (attendance IN ('present', 'absent', 'excused')),
  result text CONSTRAINT training_enrolments_result CHECK (result IN ('passed', 'failed')),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz,
  CONSTRAINT training_enrolments_person FOREIGN KEY (person_id, zone_id) REFERENCES people (id, zone_id),
  CONSTRAINT training_enrolments_result_present CHECK (result IS NULL OR attendance = 'present'),
  CONSTRAINT training_enrolments_attendance_enrolled CHECK (attendance IS NULL OR status = 'enrolled'),
  CONSTRAINT training_enrolments_enrolled_at CHECK ((status = 'enrolled') <= (enrolled_at IS NOT NULL)),
  CONSTRAINT training_enrolments_cancelled_at CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
-- One live (not cancelled) enrolment per person and session.
CREATE UNIQUE INDEX training_enrolments_one_live ON training_enrolments (zone_id, session_id, person_id)
  WHERE status <> 'cancelled';
CREATE INDEX training_enrolments_session ON training_enrolments (session_id, zone_id, status, queued_at);
CREATE INDEX training_enrolments_person ON training_enrolments (person_id);

-- A zone's enrolled people never outnumber its places. The trigger locks the zone's places row first, so
-- concurrent enrolments for the last place wait for each other and the second one sees the first.
CREATE FUNCTION training_enrolments_places() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone_places smallint;
BEGIN
  IF NEW.status <> 'enrolled' OR (TG_OP = 'UPDATE' AND OLD.status = 'enrolled') THEN
    RETURN NEW;
  END IF;
  SELECT places INTO zone_places FROM training_session_places
   WHERE session_id = NEW.session_id AND zone_id = NEW.zone_id FOR UPDATE;
  IF coalesce(zone_places, 0) <= (SELECT count(*) FROM training_enrolments
                                    WHERE session_id = NEW.session_id AND zone_id = NEW.zone_id
                                      AND status = 'enrolled' AND id <> NEW.id) THEN
    RAISE EXCEPTION 'no place left for zone % in session %', NEW.zone_id, NEW.session_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'training_enrolments_places';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER training_enrolments_places BEFORE INSERT OR UPDATE OF status ON training_enrolments
  FOR EACH ROW EXECUTE FUNCTION training_enrolments_places();

-- A zone's places are never below its enrolled people (moving places between zones cannot drop anyone).
CREATE FUNCTION training_session_places_enrolled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- (A session being deleted takes its places and enrolments with it.)
  IF (TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM training_sessions WHERE id = OLD.session_id)
                       AND EXISTS (SELECT 1 FROM training_enrolments
                                     WHERE session_id = OLD.session_id AND zone_id = OLD.zone_id AND status = 'enrolled'))
     OR (TG_OP = 'UPDATE' AND NEW.places < (SELECT count(*) FROM training_enrolments
                                              WHERE session_id = NEW.session_id AND zone_id = NEW.zone_id
                                                AND status = 'enrolled')) THEN
    RAISE EXCEPTION 'fewer places than enrolled people' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'training_session_places_enrolled';
  END IF;
  RETURN coalesce(NEW, OLD);
END $$;
CREATE TRIGGER training_session_places_enrolled BEFORE UPDATE OR DELETE ON training_session_places
  FOR EACH ROW EXECUTE FUNCTION training_session_places_enrolled();

-- The zones' places add up to the capacity, checked at commit (places and capacity change in one transaction).
CREATE FUNCTION training_session_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sid uuid;
BEGIN
  IF TG_TABLE_NAME = 'training_sessions' THEN
    sid := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    sid := OLD.session_id;
  ELSE
    sid := NEW.session_id;
  END IF;
  IF EXISTS (SELECT 1 FROM training_sessions s
              WHERE s.id = sid
                AND s.capacity <> coalesce((SELECT sum(p.places) FROM training_session_places p WHERE p.session_id = s.id), 0)) THEN
    RAISE EXCEPTION 'the places of session % do not add up to its capacity', sid USING ERRCODE = 'check_violation',
      CONSTRAINT = 'training_session_places_capacity';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER training_session_capacity AFTER INSERT OR UPDATE OF capacity ON training_sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION training_session_capacity();
CREATE CONSTRAINT TRIGGER training_session_places_capacity AFTER INSERT OR UPDATE OR DELETE ON training_session_places
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION training_session_capacity();

-- Qualifications expire: a course renews one for its qualification_months from the session's day.
ALTER TABLE person_qualifications ADD COLUMN valid_until date;
ALTER TABLE person_qualifications ADD CONSTRAINT person_qualifications_validity
  CHECK (valid_until IS NULL OR obtained_on IS NULL OR valid_until >= obtained_on);

-- Trainer hours given to a partner zone's session can be posted to the assistance ledger as support given: a
-- ledger line of kind 'training', its source the trainer row.
ALTER TABLE assistance_ledger_lines ADD COLUMN training_trainer_id uuid REFERENCES training_session_trainers (id);
ALTER TABLE assistance_ledger_lines DROP CONSTRAINT assistance_ledger_lines_kind;
ALTER TABLE assistance_ledger_lines ADD CONSTRAINT assistance_ledger_lines_kind
  CHECK (kind IN ('deployment', 'settlement', 'reversal', 'training'));
ALTER TABLE assistance_ledger_lines DROP CONSTRAINT assistance_ledger_lines_source;
ALTER TABLE assistance_ledger_lines ADD CONSTRAINT assistance_ledger_lines_source CHECK (
  (kind = 'deployment' AND deployment_id IS NOT NULL AND settlement_id IS NULL AND reverses_posting IS NULL
     AND training_trainer_id IS NULL)
  OR (kind = 'settlement' AND settlement_id IS NOT NULL AND deployment_id IS NULL AND reverses_posting IS NULL
     AND training_trainer_id IS NULL)
  OR (kind = 'reversal' AND reverses_posting IS NOT NULL)
  OR (kind = 'training' AND training_trainer_id IS NOT NULL AND deployment_id IS NULL AND settlement_id IS NULL
     AND reverses_posting IS NULL)
);
CREATE UNIQUE INDEX assistance_ledger_lines_training ON assistance_ledger_lines (association_id, training_trainer_id, zone_id)
  WHERE kind = 'training';

-- Briefing ---------------------------------------------------------------------------------------------------

-- The teams of a zone (intervention, neighbourhood, traffic, …): a briefing item can be for some teams only.
CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id uuid NOT NULL REFERENCES zones (id),
  code text NOT NULL CONSTRAINT teams_code CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,29}$'),
  name text NOT NULL CONSTRAINT teams_name CHECK (length(name) BETWEEN 1 AND 100),
  CONSTRAINT teams_code_unique UNIQUE (zone_id, code),
  CONSTRAINT teams_zone UNIQUE (id, zone_id)
);
ALTER TABLE people ADD COLUMN team_id uuid;
ALTER TABLE people ADD CONSTRAINT people_team FOREIGN KEY (team_id, zone_id) REFERENCES teams (id, zone_id);

-- A zone's briefing: when its shifts start (Brussels wall-clock times: early, late, night; each ends where the
-- next begins) and how long items are kept after their validity ends before they are purged (restricted items,
-- with personal data, a shorter time).
CREATE TABLE briefing_settings (
  zone_id uuid PRIMARY KEY REFERENCES zones (id),
  early_start time NOT NULL DEFAULT '06:00',
  late_start time NOT NULL DEFAULT '14:00',
  night_start time NOT NULL DEFAULT '22:00',
  retention_days smallint NOT NULL DEFAULT 90 CONSTRAINT briefing_settings_retention CHECK (retention_days BETWEEN 1 AND 3650),
  restricted_retention_days smallint NOT NULL DEFAULT 30 CONSTRAINT briefing_settings_restricted_retention CHECK (
    restricted_retention_days BETWEEN 1 AND 3650
  ),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT briefing_settings_shifts CHECK (early_start < late_start AND late_start < night_start)
);

-- An item of the shift briefing, written in one zone (zone_id) for the zones and teams of briefing_targets,
-- shown during `valid` in the shifts it names. A wanted person is always restricted.
CREATE TABLE briefing_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id uuid NOT NULL REFERENCES zones (id),
  category text NOT NULL CONSTRAINT briefing_items_category CHECK (
    category IN ('wanted_person', 'wanted_vehicle', 'attention_point', 'event', 'working_instruction', 'officer_safety')
  ),
  priority text NOT NULL CONSTRAINT briefing_items_priority CHECK (priority IN ('normal', 'high', 'urgent')),
  title text NOT NULL CONSTRAINT briefing_items_title CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL CONSTRAINT briefing_items_body CHECK (length(body) <= 8000),
  restricted boolean NOT NULL,
  valid tstzrange NOT NULL CONSTRAINT briefing_items_valid CHECK (
    NOT isempty(valid) AND NOT lower_inf(valid) AND NOT upper_inf(valid)
  ),
  shifts text[] NOT NULL CONSTRAINT briefing_items_shifts CHECK (
    cardinality(shifts) BETWEEN 1 AND 3 AND shifts <@ ARRAY['early', 'late', 'night']::text[]
  ),
  photo bytea CONSTRAINT briefing_items_photo_size CHECK (octet_length(photo) <= 2097152),
  photo_type text CONSTRAINT briefing_items_photo_type CHECK (photo_type IN ('image/jpeg', 'image/png', 'image/webp')),
  author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author_person_id uuid REFERENCES people (id),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT briefing_items_wanted_person CHECK (category <> 'wanted_person' OR restricted),
  CONSTRAINT briefing_items_photo CHECK ((photo IS NULL) = (photo_type IS NULL))
);
CREATE INDEX briefing_items_zone ON briefing_items (zone_id, upper(valid));

-- The zones an item is for, each for all its teams (team_id null) or for named teams.
CREATE TABLE briefing_targets (
  item_id uuid NOT NULL REFERENCES briefing_items (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  team_id uuid,
  CONSTRAINT briefing_targets_team FOREIGN KEY (team_id, zone_id) REFERENCES teams (id, zone_id),
  CONSTRAINT briefing_targets_unique UNIQUE NULLS NOT DISTINCT (zone_id, item_id, team_id)
);
CREATE INDEX briefing_targets_item ON briefing_targets (item_id);

-- Who confirmed having read an item (a person of a target zone), and when.
CREATE TABLE briefing_reads (
  item_id uuid NOT NULL REFERENCES briefing_items (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  person_id uuid NOT NULL,
  read_at timestamptz NOT NULL,
  CONSTRAINT briefing_reads_person FOREIGN KEY (person_id, zone_id) REFERENCES people (id, zone_id),
  PRIMARY KEY (zone_id, item_id, person_id)
);
CREATE INDEX briefing_reads_item ON briefing_reads (item_id);

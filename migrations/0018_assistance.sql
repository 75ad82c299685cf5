-- Mutual assistance between zones (issue 9): a zone asks its partners for help (urgent or planned), partner
-- zones are alerted, acknowledge, offer people and capabilities, the requester accepts; the people deployed and
-- their hours are recorded and confirmed by both zones, and every confirmed deployment posts two lines in a
-- person-hours ledger that sums to zero per association. The lifecycle's rules are the application's
-- (src/server/features/assistance/domain/lifecycle.ts); the database guards the shapes, the idempotency of a
-- send, one person in one place at a time, and the ledger's balance.
--
-- Every table carries association_id or zone_id, and every unique and exclusion constraint includes one of them
-- (DESIGN.md §6).

-- The association's settings: how long an urgent request deployed at once may wait for its approval in the
-- requesting zone, how long an alert waits for an acknowledgement before it escalates, and the agreed euro rate
-- of one weighted hour for settlements in euros (null: settle in hours only).
CREATE TABLE assistance_settings (
  association_id uuid PRIMARY KEY REFERENCES associations (id),
  retro_approval_days smallint NOT NULL DEFAULT 3
    CONSTRAINT assistance_settings_retro_days CHECK (retro_approval_days BETWEEN 1 AND 30),
  escalation_minutes smallint NOT NULL DEFAULT 5
    CONSTRAINT assistance_settings_escalation CHECK (escalation_minutes BETWEEN 1 AND 240),
  hourly_rate_cents integer CONSTRAINT assistance_settings_hourly_rate CHECK (hourly_rate_cents BETWEEN 0 AND 100000000),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);

-- Rates of the ledger, versioned: per association and request category ('*' for every category without its
-- own), in force over Brussels days. A weighted minute = base × (1 + the extra of each category it falls in);
-- two versions of one category never overlap (the exclusion constraint), so exactly one rate applies to a day.
CREATE TABLE assistance_rates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  category text NOT NULL CONSTRAINT assistance_rates_category CHECK (
    category IN ('*', 'urgent_backup', 'traffic_action', 'drug_check', 'event', 'judicial_action', 'search', 'other')
  ),
  valid daterange NOT NULL CONSTRAINT assistance_rates_valid CHECK (NOT isempty(valid) AND NOT lower_inf(valid)),
  base numeric(5, 3) NOT NULL CONSTRAINT assistance_rates_base CHECK (base > 0 AND base <= 10),
  extra_night numeric(5, 3) NOT NULL DEFAULT 0 CONSTRAINT assistance_rates_night CHECK (extra_night BETWEEN 0 AND 10),
  extra_saturday numeric(5, 3) NOT NULL DEFAULT 0 CONSTRAINT assistance_rates_saturday CHECK (extra_saturday BETWEEN 0 AND 10),
  extra_sunday numeric(5, 3) NOT NULL DEFAULT 0 CONSTRAINT assistance_rates_sunday CHECK (extra_sunday BETWEEN 0 AND 10),
  extra_holiday numeric(5, 3) NOT NULL DEFAULT 0 CONSTRAINT assistance_rates_holiday CHECK (extra_holiday BETWEEN 0 AND 10),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT assistance_rates_no_overlap EXCLUDE USING gist (association_id WITH =, category WITH =, valid WITH &&)
);

-- A request of a zone (zone_id) to its partners of one association. `period` is the window help is asked for.
-- The idempotency key (chosen by the client per form) makes a double send one request: unique per requesting
-- user. requested_at: when it went out to the partners (the start of every response time).
CREATE TABLE assistance_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  zone_id uuid NOT NULL REFERENCES zones (id),
  urgency text NOT NULL CONSTRAINT assistance_requests_urgency CHECK (urgency IN ('urgent', 'planned')),
  category text NOT NULL CONSTRAINT assistance_requests_category CHECK (
    category IN ('urgent_backup', 'traffic_action', 'drug_check', 'event', 'judicial_action', 'search', 'other')
  ),
  status text NOT NULL CONSTRAINT assistance_requests_status CHECK (status IN (
    'draft', 'awaiting_approval', 'requested', 'info_requested', 'offered', 'accepted', 'under_way', 'completed',
    'closed', 'cancelled', 'declined'
  )),
  period tstzrange NOT NULL CONSTRAINT assistance_requests_period CHECK (
    NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)
    AND upper(period) - lower(period) <= interval '31 days'
  ),
  municipality_id uuid REFERENCES municipalities (id),
  place text NOT NULL CONSTRAINT assistance_requests_place CHECK (char_length(btrim(place)) BETWEEN 1 AND 300),
  purpose text NOT NULL DEFAULT '' CONSTRAINT assistance_requests_purpose CHECK (char_length(purpose) <= 4000),
  contact text NOT NULL CONSTRAINT assistance_requests_contact CHECK (char_length(btrim(contact)) BETWEEN 1 AND 200),
  -- 'all': every partner zone under an agreement in force listing `assistance`; 'chosen': the addressees below.
  addressing text NOT NULL CONSTRAINT assistance_requests_addressing CHECK (addressing IN ('all', 'chosen')),
  idempotency_key text CONSTRAINT assistance_requests_idempotency_key CHECK (idempotency_key ~ '^[A-Za-z0-9_-]{8,100}$'),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  requested_at timestamptz,
  -- The approval in the requesting zone: before it goes out (planned), or afterwards (urgent, by retro_due_at).
  approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  approved_at timestamptz,
  retro_due_at timestamptz,
  cancel_reason text CONSTRAINT assistance_requests_cancel_reason CHECK (char_length(cancel_reason) <= 1000),
  CONSTRAINT assistance_requests_sent CHECK (status IN ('draft', 'awaiting_approval', 'cancelled') OR requested_at IS NOT NULL),
  CONSTRAINT assistance_requests_idempotency UNIQUE (zone_id, created_by, idempotency_key)
);
CREATE INDEX assistance_requests_zone ON assistance_requests (zone_id, created_at DESC);
CREATE INDEX assistance_requests_association ON assistance_requests (association_id, requested_at);

-- What is asked: a capability of the catalogue (domain/request.ts) and how many.
CREATE TABLE assistance_request_lines (
  request_id uuid NOT NULL REFERENCES assistance_requests (id) ON DELETE CASCADE,
  capability text NOT NULL CONSTRAINT assistance_request_lines_capability CHECK (capability ~ '^[a-z_]{2,40}$'),
  count smallint NOT NULL CONSTRAINT assistance_request_lines_count CHECK (count BETWEEN 1 AND 500),
  PRIMARY KEY (request_id, capability)
);

-- The partner zones a request goes to, each with its answer and its times (the response-time report): alerted
-- (= requested_at of the request, or when the zone was added), first acknowledgement, first offer, declined.
-- `escalation` is the alert's plan (domain/escalation.ts: steps of users with their instants) while it waits
-- for an acknowledgement; a durable job wakes at each step.
CREATE TABLE assistance_addressees (
  request_id uuid NOT NULL REFERENCES assistance_requests (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  alerted_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users (id) ON DELETE SET NULL,
  first_offer_at timestamptz,
  declined_at timestamptz,
  declined_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decline_reason text CONSTRAINT assistance_addressees_decline_reason CHECK (char_length(decline_reason) <= 1000),
  escalation jsonb NOT NULL DEFAULT '[]' CONSTRAINT assistance_addressees_escalation CHECK (jsonb_typeof(escalation) = 'array'),
  escalated_level text CONSTRAINT assistance_addressees_level CHECK (escalated_level IN ('on_duty', 'shift_leader', 'korpschef')),
  PRIMARY KEY (request_id, zone_id)
);
CREATE INDEX assistance_addressees_zone ON assistance_addressees (zone_id, alerted_at DESC);

-- An offer of a partner zone: lines of capabilities with counts, or named people, with an expected arrival.
-- The requester accepts or declines each line; a withdrawn offer keeps its lines for the record.
CREATE TABLE assistance_offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  expected_arrival timestamptz,
  note text NOT NULL DEFAULT '' CONSTRAINT assistance_offers_note CHECK (char_length(note) <= 2000),
  withdrawn_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT assistance_offers_addressee FOREIGN KEY (request_id, zone_id)
    REFERENCES assistance_addressees (request_id, zone_id) ON DELETE CASCADE
);
CREATE INDEX assistance_offers_request ON assistance_offers (request_id);

CREATE TABLE assistance_offer_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  offer_id uuid NOT NULL REFERENCES assistance_offers (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  capability text NOT NULL CONSTRAINT assistance_offer_lines_capability CHECK (capability ~ '^[a-z_]{2,40}$'),
  count smallint NOT NULL CONSTRAINT assistance_offer_lines_count CHECK (count BETWEEN 1 AND 500),
  -- A named person of the offering zone (then count = 1); null: the capability, people named at deployment.
  person_id uuid,
  status text NOT NULL DEFAULT 'offered'
    CONSTRAINT assistance_offer_lines_status CHECK (status IN ('offered', 'accepted', 'declined', 'withdrawn')),
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  CONSTRAINT assistance_offer_lines_person FOREIGN KEY (person_id, zone_id) REFERENCES people (id, zone_id) ON UPDATE CASCADE,
  CONSTRAINT assistance_offer_lines_named CHECK (person_id IS NULL OR count = 1)
);
CREATE INDEX assistance_offer_lines_offer ON assistance_offer_lines (offer_id);

-- A person of a partner zone (helping_zone_id) deployed on a request of helped_zone_id: named when accepted or
-- deployed at once, with the hours actually worked (`period`, null until recorded) and the arrival on site.
-- Hours count once both zones confirmed them; a correction clears both confirmations. One person is never
-- deployed twice at the same time (the exclusion constraint; rows without hours do not take part).
-- The person becomes visible to the helped zone through a visibility reason (kind 'deployment') for this row.
CREATE TABLE assistance_deployments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES assistance_requests (id),
  association_id uuid NOT NULL REFERENCES associations (id),
  helping_zone_id uuid NOT NULL REFERENCES zones (id),
  helped_zone_id uuid NOT NULL REFERENCES zones (id),
  person_id uuid NOT NULL,
  offer_line_id uuid REFERENCES assistance_offer_lines (id),
  capability text NOT NULL CONSTRAINT assistance_deployments_capability CHECK (capability ~ '^[a-z_]{2,40}$'),
  arrived_at timestamptz,
  period tstzrange CONSTRAINT assistance_deployments_period CHECK (
    period IS NULL OR (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)
    AND upper(period) - lower(period) <= interval '24 hours')
  ),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz,
  helping_confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  helping_confirmed_at timestamptz,
  helped_confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  helped_confirmed_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT assistance_deployments_person FOREIGN KEY (person_id, helping_zone_id) REFERENCES people (id, zone_id) ON UPDATE CASCADE,
  CONSTRAINT assistance_deployments_zones CHECK (helping_zone_id <> helped_zone_id),
  CONSTRAINT assistance_deployments_confirmed CHECK (
    period IS NOT NULL OR (helping_confirmed_at IS NULL AND helped_confirmed_at IS NULL)
  ),
  CONSTRAINT assistance_deployments_once UNIQUE (request_id, person_id, helping_zone_id),
  CONSTRAINT assistance_deployments_no_overlap EXCLUDE USING gist (helping_zone_id WITH =, person_id WITH =, period WITH &&)
);
CREATE INDEX assistance_deployments_request ON assistance_deployments (request_id);

-- The timeline: every transition and every act on a request, with who and when (and in which zone).
CREATE TABLE assistance_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES assistance_requests (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  action text NOT NULL CONSTRAINT assistance_events_action CHECK (action ~ '^[a-z_]{2,40}$'),
  from_status text,
  to_status text,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  at timestamptz NOT NULL,
  details jsonb NOT NULL DEFAULT '{}' CONSTRAINT assistance_events_details CHECK (jsonb_typeof(details) = 'object')
);
CREATE INDEX assistance_events_request ON assistance_events (request_id, id);

-- A settlement: the balances of an association up to a day (inclusive) netted with the fewest transfers, in
-- hours or in euros at the agreed rate. Its transfers are posted as ledger lines (kind 'settlement'), so the
-- next period starts from what is left: the carry-over.
CREATE TABLE assistance_settlements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  until date NOT NULL,
  unit text NOT NULL CONSTRAINT assistance_settlements_unit CHECK (unit IN ('hours', 'euros')),
  hourly_rate_cents integer CONSTRAINT assistance_settlements_rate CHECK (hourly_rate_cents BETWEEN 0 AND 100000000),
  transfers jsonb NOT NULL CONSTRAINT assistance_settlements_transfers CHECK (jsonb_typeof(transfers) = 'array'),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT assistance_settlements_euros CHECK (unit = 'hours' OR hourly_rate_cents IS NOT NULL)
);
CREATE INDEX assistance_settlements_association ON assistance_settlements (association_id, until);

-- The ledger: append-only, double-entry. Each posting is two lines of opposite amounts (weighted minutes):
-- the helping zone credited, the helped zone debited ('deployment'); a settlement's transfer ('settlement'); a
-- correction reverses a posting ('reversal') and posts anew. booked_on is the Brussels day it counts for.
CREATE TABLE assistance_ledger_lines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  posting uuid NOT NULL,
  kind text NOT NULL CONSTRAINT assistance_ledger_lines_kind CHECK (kind IN ('deployment', 'settlement', 'reversal')),
  zone_id uuid NOT NULL REFERENCES zones (id),
  counterpart_zone_id uuid NOT NULL REFERENCES zones (id),
  amount integer NOT NULL,
  booked_on date NOT NULL,
  deployment_id uuid REFERENCES assistance_deployments (id),
  settlement_id uuid REFERENCES assistance_settlements (id),
  reverses_posting uuid,
  rate_id uuid REFERENCES assistance_rates (id),
  -- The plain minutes behind a deployment's amount, by category (statement); zero for other kinds.
  minutes_total integer NOT NULL DEFAULT 0,
  minutes_night integer NOT NULL DEFAULT 0,
  minutes_saturday integer NOT NULL DEFAULT 0,
  minutes_sunday integer NOT NULL DEFAULT 0,
  minutes_holiday integer NOT NULL DEFAULT 0,
  posted_at timestamptz NOT NULL,
  CONSTRAINT assistance_ledger_lines_zones CHECK (zone_id <> counterpart_zone_id),
  CONSTRAINT assistance_ledger_lines_source CHECK (
    (kind = 'deployment' AND deployment_id IS NOT NULL AND settlement_id IS NULL AND reverses_posting IS NULL)
    OR (kind = 'settlement' AND settlement_id IS NOT NULL AND deployment_id IS NULL AND reverses_posting IS NULL)
    OR (kind = 'reversal' AND reverses_posting IS NOT NULL)
  ),
  CONSTRAINT assistance_ledger_lines_side UNIQUE (association_id, posting, zone_id)
);
CREATE INDEX assistance_ledger_lines_zone ON assistance_ledger_lines (association_id, zone_id, booked_on);
CREATE INDEX assistance_ledger_lines_deployment ON assistance_ledger_lines (deployment_id) WHERE deployment_id IS NOT NULL;

-- Append-only: a line is never changed or removed (a correction is a reversal).
CREATE FUNCTION assistance_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'assistance_ledger_lines is append-only: post a reversal' USING ERRCODE = 'read_only_sql_transaction';
END $$;
CREATE TRIGGER assistance_ledger_append_only BEFORE UPDATE OR DELETE ON assistance_ledger_lines
  FOR EACH ROW EXECUTE FUNCTION assistance_ledger_append_only();

-- Double entry, checked at commit: every posting has exactly two lines, mirror images of each other (one zone
-- and its counterpart, amounts summing to zero). So the ledger of an association always sums to zero.
CREATE FUNCTION assistance_ledger_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) <> 2 OR sum(amount) <> 0 OR count(DISTINCT zone_id) <> 2
             OR min(zone_id::text) <> min(counterpart_zone_id::text) OR max(zone_id::text) <> max(counterpart_zone_id::text)
        FROM assistance_ledger_lines WHERE association_id = NEW.association_id AND posting = NEW.posting) THEN
    RAISE EXCEPTION 'ledger posting % is not balanced', NEW.posting USING ERRCODE = 'check_violation',
      CONSTRAINT = 'assistance_ledger_lines_balanced';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER assistance_ledger_balanced AFTER INSERT ON assistance_ledger_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION assistance_ledger_balanced();

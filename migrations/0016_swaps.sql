-- Swaps, give-aways and leave replacements (issue 8): one request concept for "someone else takes this duty".
-- An officer offers one of their future duties (give_away), or offers it against one of the taker's (swap);
-- leave entered over an assigned duty raises a replacement need (replacement) in the same transaction. A
-- colleague takes it (or the planner assigns someone), then one planner per zone concerned approves (the
-- requester's zone and the taker's: both when it crosses zones). On the last approval the duties change through
-- the bitemporal duty rows of migration 0012 (cause 'swap' or 'leave_replacement', cause_id = this request).
--
-- States: open → taken → approved | rejected; withdrawn by the requester (open or taken); expired is not stored:
-- an open or taken request whose duty has started reads as expired (the service answers SWAP_EXPIRED to any
-- transition), so no job has to race the clock.
CREATE TABLE swap_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CONSTRAINT swap_requests_kind CHECK (kind IN ('give_away', 'swap', 'replacement')),
  rotation_id uuid NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
  -- The duty offered, as it was in force when asked; the slot and its period are copied for lists and the index.
  duty_id uuid NOT NULL REFERENCES duties (id) ON DELETE CASCADE,
  slot_key text NOT NULL CONSTRAINT swap_requests_slot_key CHECK (slot_key ~ '^[a-z0-9_-]{1,40}:\d{4}-\d{2}-\d{2}$'),
  position smallint NOT NULL CONSTRAINT swap_requests_position CHECK (position BETWEEN 1 AND 20),
  period tstzrange NOT NULL CONSTRAINT swap_requests_period CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
  -- Who gives the duty away (for a replacement: the person on leave).
  requester_person_id uuid NOT NULL,
  requester_zone_id uuid NOT NULL,
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  note text CONSTRAINT swap_requests_note CHECK (char_length(note) <= 500),
  -- The leave that raised a replacement need.
  unavailability_id uuid REFERENCES unavailability (id) ON DELETE SET NULL,
  status text NOT NULL CONSTRAINT swap_requests_status CHECK (status IN ('open', 'taken', 'approved', 'rejected', 'withdrawn')),
  taker_person_id uuid,
  taker_zone_id uuid,
  -- A swap: the taker's duty that goes back to the requester.
  return_duty_id uuid REFERENCES duties (id) ON DELETE SET NULL,
  taken_at timestamptz,
  decided_at timestamptz,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT swap_requests_requester FOREIGN KEY (requester_person_id, requester_zone_id) REFERENCES people (id, zone_id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT swap_requests_taker FOREIGN KEY (taker_person_id, taker_zone_id) REFERENCES people (id, zone_id) ON UPDATE CASCADE,
  -- Taken and approved requests have a taker; a swap's taker hands a duty back; only a swap does.
  CONSTRAINT swap_requests_taken CHECK (status NOT IN ('taken', 'approved') OR taker_person_id IS NOT NULL),
  CONSTRAINT swap_requests_return CHECK (
    (kind = 'swap' OR return_duty_id IS NULL) AND (kind <> 'swap' OR taker_person_id IS NULL OR return_duty_id IS NOT NULL)),
  CONSTRAINT swap_requests_replacement CHECK (kind = 'replacement' OR unavailability_id IS NULL),
  CONSTRAINT swap_requests_not_self CHECK (taker_person_id IS NULL OR taker_person_id <> requester_person_id)
);
-- One open or taken request per slot position: two people cannot give the same duty away twice, and a second
-- request waits until the first is decided.
CREATE UNIQUE INDEX swap_requests_one_active ON swap_requests (rotation_id, slot_key, position) WHERE status IN ('open', 'taken');
CREATE INDEX swap_requests_rotation ON swap_requests (rotation_id, status);
CREATE INDEX swap_requests_requester ON swap_requests (requester_person_id);

-- One approval per zone concerned (the primary key refuses a second one of the same zone).
CREATE TABLE swap_approvals (
  swap_request_id uuid NOT NULL REFERENCES swap_requests (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  approved_at timestamptz NOT NULL,
  PRIMARY KEY (swap_request_id, zone_id)
);

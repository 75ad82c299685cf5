-- Shared equipment and joint investments (issue 10). Zones lend their assets (vehicles, weapons, speed radars,
-- ANPR cameras, bodycams, drones, server park items, shooting-range lanes) to partner zones under an agreement
-- in force listing `equipment`, and buy expensive ones together: an investment shared by a cost key, settled per
-- period with the running costs, loan fees and the valued assistance hours. The rules are the application's
-- (src/server/features/equipment, src/server/features/investments); the database guards the shapes, one active
-- booking per asset and instant (the exclusion constraint: concurrent requests cannot both win), one holder of a
-- weapon per instant, one cost key per investment and day, and the idempotency of a booking request.
--
-- Every table carries zone_id or association_id, and every unique and exclusion constraint includes one of them
-- (DESIGN.md §6).

-- An investment shared by zones of one association: bought by one zone (paid_by_zone_id pays the supplier and
-- is credited in the settlements), managed by one zone (it keeps the assets and approves their loans), written
-- off over depreciation_months from purchased_on. Its parties and the cost key say who carries which share.
CREATE TABLE investments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  agreement_id uuid REFERENCES agreements (id),
  title text NOT NULL CONSTRAINT investments_title CHECK (length(title) BETWEEN 1 AND 200),
  supplier text CONSTRAINT investments_supplier CHECK (length(supplier) <= 200),
  description text CONSTRAINT investments_description CHECK (length(description) <= 4000),
  purchased_on date NOT NULL,
  amount_cents bigint NOT NULL CONSTRAINT investments_amount CHECK (amount_cents BETWEEN 0 AND 100000000000),
  depreciation_months smallint NOT NULL CONSTRAINT investments_depreciation CHECK (depreciation_months BETWEEN 1 AND 600),
  paid_by_zone_id uuid NOT NULL REFERENCES zones (id),
  managing_zone_id uuid NOT NULL REFERENCES zones (id),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX investments_association ON investments (association_id);

-- The zones sharing an investment, each from the day it joined (a zone joining mid-year carries its share
-- from then on) until the day it left (exclusive; null: still a party).
CREATE TABLE investment_parties (
  investment_id uuid NOT NULL REFERENCES investments (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  joined_on date NOT NULL,
  left_on date,
  PRIMARY KEY (investment_id, zone_id),
  CONSTRAINT investment_parties_period CHECK (left_on IS NULL OR left_on > joined_on)
);
CREATE INDEX investment_parties_zone ON investment_parties (zone_id);

-- The cost key of an investment, versioned over days: how its costs are divided among the parties. `method`:
-- equal, population, fte, usage_hours (from the loans of its assets in the period), custom (percentages), or mix
-- (a weighted mix of the others: `weights`, e.g. {"population": 50, "fte": 50}). `inputs` holds what the key
-- was agreed on per zone ({"<zoneId>": {"population": …, "fte": …, "percent": …}}), shown on every statement.
-- Two versions of one investment's key never overlap (the exclusion constraint): one key applies to a day.
CREATE TABLE investment_cost_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  investment_id uuid NOT NULL REFERENCES investments (id) ON DELETE CASCADE,
  association_id uuid NOT NULL REFERENCES associations (id),
  valid daterange NOT NULL CONSTRAINT investment_cost_keys_valid CHECK (NOT isempty(valid) AND NOT lower_inf(valid)),
  method text NOT NULL CONSTRAINT investment_cost_keys_method CHECK (
    method IN ('equal', 'population', 'fte', 'usage_hours', 'custom', 'mix')
  ),
  weights jsonb NOT NULL DEFAULT '{}' CONSTRAINT investment_cost_keys_weights CHECK (jsonb_typeof(weights) = 'object'),
  inputs jsonb NOT NULL DEFAULT '{}' CONSTRAINT investment_cost_keys_inputs CHECK (jsonb_typeof(inputs) = 'object'),
  note text CONSTRAINT investment_cost_keys_note CHECK (length(note) <= 2000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT investment_cost_keys_no_overlap EXCLUDE USING gist (association_id WITH =, investment_id WITH =, valid WITH &&)
);

-- Running costs of an investment (maintenance, licences, calibration, insurance, …): paid by one zone, shared by
-- the cost key in force on the day incurred.
CREATE TABLE investment_costs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  investment_id uuid NOT NULL REFERENCES investments (id) ON DELETE CASCADE,
  association_id uuid NOT NULL REFERENCES associations (id),
  kind text NOT NULL CONSTRAINT investment_costs_kind CHECK (
    kind IN ('maintenance', 'licence', 'calibration', 'insurance', 'repair', 'other')
  ),
  incurred_on date NOT NULL,
  amount_cents bigint NOT NULL CONSTRAINT investment_costs_amount CHECK (amount_cents BETWEEN 1 AND 100000000000),
  description text NOT NULL CONSTRAINT investment_costs_description CHECK (length(description) BETWEEN 1 AND 500),
  paid_by_zone_id uuid NOT NULL REFERENCES zones (id),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX investment_costs_investment ON investment_costs (investment_id, incurred_on);

-- A recorded settlement of an association for a period of days: the statement as computed then (lines per zone
-- with the cost keys and their inputs), the net positions and the fewest transfers. Frozen: a statement a
-- finance department filed does not change afterwards. One per association and period.
CREATE TABLE investment_settlements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  period daterange NOT NULL CONSTRAINT investment_settlements_period CHECK (
    NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)
  ),
  statement jsonb NOT NULL CONSTRAINT investment_settlements_statement CHECK (jsonb_typeof(statement) = 'object'),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT investment_settlements_no_overlap EXCLUDE USING gist (association_id WITH =, period WITH &&)
);

-- An asset, kept and managed by one zone (zone_id), owned by that zone or by a joint investment. The identifier
-- is the plate, serial or weapon number: unique per zone and kind. `status` is the keeper's; a lapsed validity
-- (asset_validities) keeps it from being lent for use whatever its status. Counters: the last known kilometres
-- and shots/measurements, as recorded at check-in.
CREATE TABLE assets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id uuid NOT NULL REFERENCES zones (id),
  investment_id uuid REFERENCES investments (id),
  kind text NOT NULL CONSTRAINT assets_kind CHECK (kind IN (
    'vehicle', 'weapon', 'speed_radar', 'flash_device', 'anpr_camera', 'bodycam', 'drone', 'server', 'range_lane', 'other'
  )),
  name text NOT NULL CONSTRAINT assets_name CHECK (length(name) BETWEEN 1 AND 200),
  identifier text NOT NULL CONSTRAINT assets_identifier CHECK (length(identifier) BETWEEN 1 AND 100),
  status text NOT NULL DEFAULT 'available' CONSTRAINT assets_status CHECK (
    status IN ('available', 'maintenance', 'out_of_service', 'retired')
  ),
  location text CONSTRAINT assets_location CHECK (length(location) <= 200),
  description text CONSTRAINT assets_description CHECK (length(description) <= 4000),
  -- Whether partner zones may book it at all (a zone may keep an asset for its own use only).
  lendable boolean NOT NULL DEFAULT true,
  odometer_km integer CONSTRAINT assets_odometer CHECK (odometer_km >= 0),
  counter integer CONSTRAINT assets_counter CHECK (counter >= 0),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT assets_identifier_unique UNIQUE (zone_id, kind, identifier),
  -- The target of the bookings' and custody's composite keys (a booking carries its asset's zone).
  CONSTRAINT assets_id_zone UNIQUE (id, zone_id)
);
CREATE INDEX assets_zone ON assets (zone_id, kind);
CREATE INDEX assets_investment ON assets (investment_id) WHERE investment_id IS NOT NULL;

-- Validity dates that matter: a speed radar's calibration and type approval, a vehicle's technical inspection,
-- a weapon's inspection, an insurance. Past valid_until the asset cannot be lent for use; it is flagged ahead
-- of time (the equipment's reminder job).
CREATE TABLE asset_validities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  asset_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  kind text NOT NULL CONSTRAINT asset_validities_kind CHECK (
    kind IN ('calibration', 'approval', 'inspection', 'insurance', 'licence', 'other')
  ),
  valid_until date NOT NULL,
  note text CONSTRAINT asset_validities_note CHECK (length(note) <= 500),
  reminded_at timestamptz,
  created_at timestamptz NOT NULL,
  CONSTRAINT asset_validities_asset FOREIGN KEY (asset_id, zone_id) REFERENCES assets (id, zone_id) ON DELETE CASCADE,
  CONSTRAINT asset_validities_once UNIQUE (zone_id, asset_id, kind)
);

-- The loan terms an agreement sets per asset kind ('*': every kind without its own): whether a partner's booking
-- is approved without the keeper's decision (up to auto_approve_max_hours; null: any length), the buffer kept
-- free after each booking (cleaning, charging, recalibrating), and the loan fee per started day.
CREATE TABLE equipment_loan_terms (
  agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  association_id uuid NOT NULL REFERENCES associations (id),
  kind text NOT NULL CONSTRAINT equipment_loan_terms_kind CHECK (kind IN (
    '*', 'vehicle', 'weapon', 'speed_radar', 'flash_device', 'anpr_camera', 'bodycam', 'drone', 'server', 'range_lane', 'other'
  )),
  auto_approve boolean NOT NULL DEFAULT false,
  auto_approve_max_hours smallint CONSTRAINT equipment_loan_terms_auto_hours CHECK (auto_approve_max_hours BETWEEN 1 AND 8760),
  buffer_minutes smallint NOT NULL DEFAULT 0 CONSTRAINT equipment_loan_terms_buffer CHECK (buffer_minutes BETWEEN 0 AND 10080),
  fee_cents_per_day integer NOT NULL DEFAULT 0 CONSTRAINT equipment_loan_terms_fee CHECK (fee_cents_per_day BETWEEN 0 AND 10000000),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (agreement_id, kind)
);

-- A booking of one asset (zone_id: the keeper) by a zone (borrower_zone_id; the keeper itself for its own use)
-- for `period`; `blocked` is the period plus the buffer of the loan terms after it, and the exclusion constraint
-- keeps the blocked periods of active bookings (requested, approved, checked out) of one asset apart: `[)`, so
-- touching periods are allowed. Several assets booked together share a group_id. The idempotency key (chosen by
-- the client per form) makes a double submit one booking group.
CREATE TABLE equipment_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL,
  asset_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  borrower_zone_id uuid NOT NULL REFERENCES zones (id),
  agreement_id uuid REFERENCES agreements (id),
  association_id uuid REFERENCES associations (id),
  period tstzrange NOT NULL CONSTRAINT equipment_bookings_period CHECK (
    NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)
  ),
  blocked tstzrange NOT NULL CONSTRAINT equipment_bookings_blocked CHECK (blocked @> period),
  status text NOT NULL CONSTRAINT equipment_bookings_status CHECK (
    status IN ('requested', 'approved', 'rejected', 'cancelled', 'checked_out', 'returned')
  ),
  purpose text NOT NULL CONSTRAINT equipment_bookings_purpose CHECK (length(purpose) BETWEEN 1 AND 500),
  -- The borrower's person who collects and returns it, named by the borrower: visible to the keeper for this
  -- booking through a visibility reason (kind 'booking'), so the keeper can record the handovers.
  collector_person_id uuid,
  fee_cents_per_day integer NOT NULL DEFAULT 0 CONSTRAINT equipment_bookings_fee CHECK (fee_cents_per_day >= 0),
  idempotency_key text CONSTRAINT equipment_bookings_idempotency_key CHECK (idempotency_key ~ '^[A-Za-z0-9_-]{8,80}$'),
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  requested_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  decision_note text CONSTRAINT equipment_bookings_decision_note CHECK (length(decision_note) <= 500),
  auto_approved boolean NOT NULL DEFAULT false,
  overdue_reminded_at timestamptz,
  CONSTRAINT equipment_bookings_asset FOREIGN KEY (asset_id, zone_id) REFERENCES assets (id, zone_id),
  CONSTRAINT equipment_bookings_collector FOREIGN KEY (collector_person_id, borrower_zone_id)
    REFERENCES people (id, zone_id) ON UPDATE CASCADE,
  CONSTRAINT equipment_bookings_partner CHECK ((borrower_zone_id = zone_id) = (agreement_id IS NULL)),
  CONSTRAINT equipment_bookings_idempotency UNIQUE (borrower_zone_id, requested_by, idempotency_key, asset_id),
  CONSTRAINT equipment_bookings_no_overlap EXCLUDE USING gist (zone_id WITH =, asset_id WITH =, blocked WITH &&)
    WHERE (status IN ('requested', 'approved', 'checked_out'))
);
CREATE INDEX equipment_bookings_asset ON equipment_bookings (asset_id, lower(period));
CREATE INDEX equipment_bookings_borrower ON equipment_bookings (borrower_zone_id, lower(period));
CREATE INDEX equipment_bookings_group ON equipment_bookings (group_id);

-- The handover at check-out and at check-in: who handed over, who received (people), when, the condition, the
-- counters, damage with a note. One of each per booking.
CREATE TABLE equipment_handovers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES equipment_bookings (id),
  zone_id uuid NOT NULL REFERENCES zones (id),
  kind text NOT NULL CONSTRAINT equipment_handovers_kind CHECK (kind IN ('check_out', 'check_in')),
  at timestamptz NOT NULL,
  handed_by_person_id uuid NOT NULL REFERENCES people (id),
  received_by_person_id uuid NOT NULL REFERENCES people (id),
  condition text NOT NULL CONSTRAINT equipment_handovers_condition CHECK (condition IN ('good', 'worn', 'damaged')),
  odometer_km integer CONSTRAINT equipment_handovers_odometer CHECK (odometer_km >= 0),
  counter integer CONSTRAINT equipment_handovers_counter CHECK (counter >= 0),
  damage_note text CONSTRAINT equipment_handovers_damage_note CHECK (length(damage_note) <= 2000),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL,
  CONSTRAINT equipment_handovers_damage CHECK (condition <> 'damaged' OR length(damage_note) > 0),
  CONSTRAINT equipment_handovers_people CHECK (handed_by_person_id <> received_by_person_id),
  CONSTRAINT equipment_handovers_once UNIQUE (zone_id, booking_id, kind)
);

-- The chain of custody of a weapon: at every instant one known holder, a person or the keeping zone's armoury.
-- A holder's period ends when the next begins (the handover); the exclusion constraint keeps two holders of one
-- weapon from overlapping, and the application opens the next period in the same transaction that closes one.
CREATE TABLE weapon_custody (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  asset_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  holder_person_id uuid REFERENCES people (id),
  holder_zone_id uuid NOT NULL REFERENCES zones (id),
  period tstzrange NOT NULL CONSTRAINT weapon_custody_period CHECK (NOT isempty(period) AND NOT lower_inf(period)),
  handover_id uuid REFERENCES equipment_handovers (id),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT weapon_custody_asset FOREIGN KEY (asset_id, zone_id) REFERENCES assets (id, zone_id) ON DELETE CASCADE,
  CONSTRAINT weapon_custody_no_overlap EXCLUDE USING gist (zone_id WITH =, asset_id WITH =, period WITH &&)
);
CREATE INDEX weapon_custody_asset ON weapon_custody (asset_id, lower(period));

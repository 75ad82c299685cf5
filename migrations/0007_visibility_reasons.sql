-- Why: a partner zone sees a person only for a reason (DESIGN.md §5): a shared function today; a rotation, a
-- deployment, an enrolment, a booking tomorrow. Each feature writes its reasons into this one relation in the
-- same transaction as the write that creates them, and the people feature reads it through one fragment
-- (src/server/platform/visibility.ts) without joining any other feature's tables.
--
-- A reason names the person, their (owner) zone, the domain it falls under, its kind, the row that caused it
-- and its period. partner_zone_id names the one zone it opens to (a rotation's covered zone, the zone that
-- asked for a deployment); NULL opens it to every zone with which an agreement in force lists the domain (a
-- shared function such as the officer-of-duty pool). Either way the agreement in force at the moment of
-- access must list the domain for both zones: a reason never replaces the agreement.

-- The owner zone is the person's zone, guarded by the foreign key below (and carried along if it changes).
CREATE UNIQUE INDEX people_id_zone ON people (id, zone_id);

CREATE TABLE visibility_reasons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  owner_zone_id uuid NOT NULL,
  partner_zone_id uuid REFERENCES zones (id),
  domain_code text NOT NULL REFERENCES cooperation_domains (code),
  kind text NOT NULL CONSTRAINT visibility_reasons_kind CHECK (kind ~ '^[a-z_]{2,40}$'),
  -- The row that caused the reason (e.g. 'rotations' + its id). NULL for a reason that is its own record
  -- (a designation to a shared function made directly on this table).
  source_table text CONSTRAINT visibility_reasons_source_table CHECK (source_table ~ '^[a-z_]{2,60}$'),
  source_id uuid,
  -- Brussels calendar days, '[)'; upper bound NULL = open-ended.
  period daterange NOT NULL CONSTRAINT visibility_reasons_period CHECK (NOT isempty(period) AND lower(period) IS NOT NULL),
  CONSTRAINT visibility_reasons_person FOREIGN KEY (person_id, owner_zone_id)
    REFERENCES people (id, zone_id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT visibility_reasons_source CHECK ((source_table IS NULL) = (source_id IS NULL)),
  CONSTRAINT visibility_reasons_partner CHECK (partner_zone_id IS NULL OR partner_zone_id <> owner_zone_id),
  -- The same reason (person, domain, kind, source, partner) never twice for one day; a designation may end and
  -- start again later, as person_shared_functions allowed.
  CONSTRAINT visibility_reasons_no_overlap EXCLUDE USING gist (
    person_id WITH =, domain_code WITH =, kind WITH =,
    (coalesce(source_table, '')) WITH =, (coalesce(source_id, '00000000-0000-0000-0000-000000000000'::uuid)) WITH =,
    (coalesce(partner_zone_id, '00000000-0000-0000-0000-000000000000'::uuid)) WITH =,
    period WITH &&)
);
-- The visibility fragment probes a person's reasons (people.id = person_id).
CREATE INDEX visibility_reasons_person ON visibility_reasons (person_id, domain_code);
-- A feature finds the reasons of its own rows (to end or delete them with the row).
CREATE INDEX visibility_reasons_source_row ON visibility_reasons (source_table, source_id) WHERE source_id IS NOT NULL;
-- From the zone's side: who is visible to partners under a domain.
CREATE INDEX visibility_reasons_owner ON visibility_reasons (owner_zone_id, domain_code);

-- Shared functions move onto the relation: each designation becomes a reason of kind 'shared_function' open to
-- every partner zone of the domain, pointing back at its original row.
INSERT INTO visibility_reasons (person_id, owner_zone_id, partner_zone_id, domain_code, kind, source_table, source_id, period)
SELECT sf.person_id, p.zone_id, NULL, sf.domain_code, 'shared_function', 'person_shared_functions', sf.id,
       daterange(sf.valid_from, sf.valid_to, '[]')
  FROM person_shared_functions sf JOIN people p ON p.id = sf.person_id;

-- The old table stays as the record of the designations made before this migration, frozen: new shared
-- functions are visibility reasons. Deleting stays possible (a person's removal cascades).
CREATE FUNCTION person_shared_functions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'person_shared_functions is frozen since migration 0007: write a visibility reason (kind shared_function)'
    USING ERRCODE = 'read_only_sql_transaction';
END $$;
CREATE TRIGGER person_shared_functions_frozen BEFORE INSERT OR UPDATE ON person_shared_functions
  FOR EACH ROW EXECUTE FUNCTION person_shared_functions_frozen();

-- 0001 foundation. Why: the public facts (zones, municipalities, associations, effective-dated so that the
-- 2025 municipal mergers keep their history), the agreements that are the access policy, people and
-- accounts, server-side sessions, login throttling and the hash-chained audit log.
-- Every invariant the database can guard is guarded here; application checks only give better messages.

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS citext;

-- Public facts -------------------------------------------------------------------------------------------

CREATE TABLE zones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code char(4) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{4}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  region text NOT NULL CHECK (region IN ('flanders', 'wallonia', 'brussels')),
  valid_from date,
  valid_to date,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nis_code char(5) NOT NULL UNIQUE CHECK (nis_code ~ '^[0-9]{5}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  zone_id uuid NOT NULL REFERENCES zones (id),
  population integer CHECK (population >= 0),
  population_year smallint CHECK (population_year BETWEEN 1800 AND 2200),
  area_km2 numeric(8, 2) CHECK (area_km2 > 0),
  valid_from date,
  valid_to date,
  merged_into_id uuid REFERENCES municipalities (id),
  note text,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
  -- A municipality that merged into another one has ended.
  CHECK (merged_into_id IS NULL OR valid_to IS NOT NULL)
);
CREATE INDEX municipalities_zone ON municipalities (zone_id);

CREATE TABLE associations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 4000),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Which zones belong to an association, and when. A zone may belong to several associations.
CREATE TABLE association_memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  zone_id uuid NOT NULL REFERENCES zones (id),
  valid_from date NOT NULL,
  valid_to date,
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  EXCLUDE USING gist (association_id WITH =, zone_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);
CREATE INDEX association_memberships_zone ON association_memberships (zone_id);

-- Agreements: the policy -----------------------------------------------------------------------------------

CREATE TABLE cooperation_domains (
  code text PRIMARY KEY CHECK (code ~ '^[a-z_]+(\.[a-z_]+)?$'),
  category text NOT NULL CHECK (category IN ('operational', 'support')),
  sort_order smallint NOT NULL
);

INSERT INTO cooperation_domains (code, category, sort_order) VALUES
  ('permanence.officer_of_duty', 'operational', 10),
  ('permanence.shift_leader', 'operational', 11),
  ('permanence.victim_support', 'operational', 12),
  ('permanence.investigation', 'operational', 13),
  ('assistance', 'operational', 20),
  ('youth_social_police', 'operational', 30),
  ('informant_management', 'operational', 31),
  ('judicial_actions', 'operational', 32),
  ('traffic_enforcement', 'operational', 33),
  ('training', 'support', 50),
  ('equipment', 'support', 51),
  ('investment', 'support', 52),
  ('ict', 'support', 53),
  ('internal_oversight', 'support', 54),
  ('dpo', 'support', 55),
  ('internal_care', 'support', 56),
  ('prevention_at_work', 'support', 57),
  ('lccu', 'support', 58),
  ('livc', 'support', 59),
  ('legal_support', 'support', 60),
  ('briefing', 'support', 61),
  ('administrative_enforcement', 'support', 62);

CREATE TABLE agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES associations (id),
  kind text NOT NULL CHECK (kind IN ('intentieverklaring', 'engagementsverklaring', 'associatieprotocol',
                                     'associatieovereenkomst', 'samenwerkingsprotocol')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  version integer NOT NULL DEFAULT 1 CHECK (version BETWEEN 1 AND 1000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_approval', 'in_force', 'ended')),
  signed_on date,
  effective_from date,
  effective_to date,
  trial_months smallint CHECK (trial_months BETWEEN 1 AND 60),
  summary text CHECK (length(summary) <= 8000),
  supersedes_id uuid REFERENCES agreements (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from),
  -- An agreement in force (or that was) has a start; one that ended has an end.
  CHECK (status NOT IN ('in_force', 'ended') OR effective_from IS NOT NULL),
  CHECK (status <> 'ended' OR effective_to IS NOT NULL)
);
CREATE INDEX agreements_association ON agreements (association_id);

CREATE TABLE agreement_parties (
  agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  zone_id uuid NOT NULL REFERENCES zones (id),
  PRIMARY KEY (agreement_id, zone_id)
);
CREATE INDEX agreement_parties_zone ON agreement_parties (zone_id);

CREATE TABLE agreement_domains (
  agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  domain_code text NOT NULL REFERENCES cooperation_domains (code),
  PRIMARY KEY (agreement_id, domain_code)
);

-- A council's decision on an agreement, for one party zone. The gemeenteraad names its municipality.
CREATE TABLE agreement_approvals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  body text NOT NULL CHECK (body IN ('gemeenteraad', 'politieraad', 'politiecollege')),
  municipality_id uuid REFERENCES municipalities (id),
  decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
  decided_on date NOT NULL,
  -- Sources sometimes give only the month ("in maart").
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month')),
  note text CHECK (length(note) <= 2000),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (agreement_id, zone_id) REFERENCES agreement_parties (agreement_id, zone_id) ON DELETE CASCADE,
  CHECK ((body = 'gemeenteraad') = (municipality_id IS NOT NULL)),
  UNIQUE NULLS NOT DISTINCT (agreement_id, zone_id, body, municipality_id)
);

-- Figures an agreement itself quotes (WVL4's protocol: 13 municipalities, 624.63 km², 858 staff, budget).
CREATE TABLE agreement_key_figures (
  agreement_id uuid PRIMARY KEY REFERENCES agreements (id) ON DELETE CASCADE,
  municipalities_count integer CHECK (municipalities_count >= 0),
  area_km2 numeric(9, 2) CHECK (area_km2 >= 0),
  staff_count integer CHECK (staff_count >= 0),
  budget_ordinary_cents bigint CHECK (budget_ordinary_cents >= 0),
  budget_extraordinary_cents bigint CHECK (budget_extraordinary_cents >= 0),
  budget_total_cents bigint CHECK (budget_total_cents >= 0),
  -- The article printed "16.19.213"; the sum proves 16,919,213. The database keeps the sum honest.
  CHECK (budget_total_cents IS NULL OR budget_total_cents = budget_ordinary_cents + budget_extraordinary_cents)
);

-- People and accounts --------------------------------------------------------------------------------------

CREATE TABLE qualifications (
  code text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,40}$'),
  sort_order smallint NOT NULL
);
INSERT INTO qualifications (code, sort_order) VALUES
  ('ogp', 10), ('obp', 11), ('victim_support', 20), ('firearms_instructor', 30), ('first_aid', 40),
  ('priority_driving', 50), ('drone_pilot', 60), ('informant_handler', 70);

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id uuid NOT NULL REFERENCES zones (id),
  employee_number text NOT NULL CHECK (employee_number ~ '^[A-Z0-9-]{1,20}$'),
  first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
  last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
  staff_kind text NOT NULL CHECK (staff_kind IN ('operational', 'calog')),
  rank text CHECK (rank IN ('agent', 'inspecteur', 'hoofdinspecteur', 'commissaris', 'hoofdcommissaris')),
  calog_level text CHECK (calog_level IN ('A', 'B', 'C', 'D')),
  fte numeric(3, 2) NOT NULL DEFAULT 1 CHECK (fte > 0 AND fte <= 1),
  work_phone text CHECK (work_phone ~ '^\+[0-9 ]{8,20}$'),
  work_email citext CHECK (length(work_email) <= 254),
  employed_from date NOT NULL,
  employed_to date,
  CHECK (employed_to IS NULL OR employed_to >= employed_from),
  -- Operational staff have a rank, CALog staff a level; never both.
  CHECK ((staff_kind = 'operational' AND rank IS NOT NULL AND calog_level IS NULL)
      OR (staff_kind = 'calog' AND calog_level IS NOT NULL AND rank IS NULL)),
  UNIQUE (zone_id, employee_number)
);
CREATE INDEX people_zone_name ON people (zone_id, last_name, first_name);

CREATE TABLE person_qualifications (
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  qualification_code text NOT NULL REFERENCES qualifications (code),
  obtained_on date,
  PRIMARY KEY (person_id, qualification_code)
);

-- A person designated for a cooperation domain (e.g. in the shared officer-of-duty pool, the shared DPO).
-- A partner zone sees such a person only while that domain is in force between the two zones.
CREATE TABLE person_shared_functions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  domain_code text NOT NULL REFERENCES cooperation_domains (code),
  valid_from date NOT NULL,
  valid_to date,
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  EXCLUDE USING gist (person_id WITH =, domain_code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);
CREATE INDEX person_shared_functions_domain ON person_shared_functions (domain_code);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email citext NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@\s]+@[^@\s]+$'),
  password_hash text NOT NULL,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  person_id uuid UNIQUE REFERENCES people (id),
  locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'fr', 'en')),
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('korpschef', 'planner', 'officer', 'logistics', 'finance', 'trainer', 'dpo', 'admin')),
  zone_id uuid REFERENCES zones (id),
  association_id uuid REFERENCES associations (id),
  -- Zone roles name a zone; admin names an association.
  CHECK ((role = 'admin' AND association_id IS NOT NULL AND zone_id IS NULL)
      OR (role <> 'admin' AND zone_id IS NOT NULL AND association_id IS NULL)),
  UNIQUE NULLS NOT DISTINCT (user_id, role, zone_id, association_id)
);
CREATE INDEX user_roles_user ON user_roles (user_id);

-- Sessions: the cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email citext NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, at) WHERE NOT succeeded;
CREATE INDEX login_attempts_ip ON login_attempts (ip, at) WHERE NOT succeeded;

-- Audit log --------------------------------------------------------------------------------------------------
-- Append-only; one SHA-256 hash chain per zone (chain_zone_id NULL = association/platform events), so each
-- controller verifies its own chain and there is no global write hot spot.

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_zone_id uuid REFERENCES zones (id),
  seq bigint NOT NULL CHECK (seq >= 1),
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_zone_id uuid,
  action text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  object_type text,
  object_id text,
  -- For reads of personal data across zones: the cooperation domain that allowed it (LED art. 25).
  domain text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE NULLS NOT DISTINCT (chain_zone_id, seq)
);
CREATE INDEX audit_events_actor ON audit_events (actor_user_id, at);

CREATE TABLE audit_chain_heads (
  chain_key text PRIMARY KEY,
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

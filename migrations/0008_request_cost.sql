-- Why: the fixed cost of a request (issue 7, §7).
--
-- 1. Public data (zones, municipalities, associations and their members, the domain catalogue) is served from
--    an in-memory cache keyed by a data version. Every statement that changes one of those tables bumps the
--    version in the same transaction, so a server process reading it (one single-row lookup by primary key)
--    sees a change made by any other process as soon as that change commits, and never serves a stale copy.
--    The NOTIFY lets the embedded database (one process, see datadir-lock.ts) skip even that lookup: PGlite
--    delivers a notification of its own connection at commit, before the writer's call returns.
CREATE TABLE data_versions (
  name text PRIMARY KEY CHECK (name IN ('public')),
  version bigint NOT NULL CHECK (version > 0)
);
INSERT INTO data_versions (name, version) VALUES ('public', 1);

CREATE FUNCTION bump_public_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'public';
  PERFORM pg_notify('verbond_data_version', 'public');
  RETURN NULL;
END
$$;

CREATE TRIGGER zones_public_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zones
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_version();
CREATE TRIGGER municipalities_public_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_version();
CREATE TRIGGER associations_public_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON associations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_version();
CREATE TRIGGER association_memberships_public_data_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON association_memberships
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_version();
CREATE TRIGGER cooperation_domains_public_data_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cooperation_domains
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_version();

-- 2. The session lookup runs on every signed-in request. Sent as a plain statement it is parsed and planned
--    each time (three joins and the roles aggregate: 0.7 ms on PGlite, more than the rest of a trivial
--    request); PL/pgSQL keeps the plan of its statements for the life of the connection (0.25 ms). Same
--    columns as before, one round trip. sessions.ts calls it; nothing is cached across requests, so a logout
--    or a disabled account takes effect on the very next request.
CREATE FUNCTION session_actor(p_token_hash text)
RETURNS TABLE (
  csrf_token text,
  expires_at timestamptz,
  last_seen_at timestamptz,
  user_id uuid,
  email text,
  display_name text,
  locale text,
  person_id uuid,
  disabled_at timestamptz,
  must_change_password boolean,
  home_zone_id uuid,
  roles json
)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT s.csrf_token, s.expires_at, s.last_seen_at, u.id, u.email::text, u.display_name, u.locale, u.person_id,
         u.disabled_at, u.must_change_password, p.zone_id,
         coalesce((SELECT json_agg(json_build_object('role', r.role, 'zoneId', r.zone_id, 'associationId', r.association_id)
                                   ORDER BY r.role, r.zone_id)
                     FROM user_roles r WHERE r.user_id = u.id), '[]'::json)
    FROM sessions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN people p ON p.id = u.person_id
   WHERE s.token_hash = p_token_hash;
END
$$;

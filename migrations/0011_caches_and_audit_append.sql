-- Why: the fixed cost of a request (issue 7, §7). 1. Sessions, grants and pages of people are served from memory in every server
-- process (platform/auth/sessions.ts, platform/grants.ts); these triggers tell every process, in the same
-- transaction as the change, which cached entries a change makes stale. The NOTIFY is sent at COMMIT (never on
-- ROLLBACK) on the channel `verbond_invalidate`, which the invalidation listener of every process hears
-- (platform/invalidation.ts) and which never reaches a browser (it is not the outbox). Triggers rather than
-- calls in the services: every writer is covered, including the command line, the demo seed and SQL run by
-- hand, and a future writer cannot forget it.
--
-- Payloads: 'user:<uuid>' (the sessions of that account), 'grants' (the agreements in force), 'people' (pages
-- of people), '*' (everything).

-- A session's account, or the account itself, changed: its cached sessions are dropped.
CREATE FUNCTION notify_user_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('verbond_invalidate', 'user:' || OLD.id); END IF;
  ELSIF TG_TABLE_NAME = 'people' THEN
    -- The account of a person whose zone changed has another home zone.
    PERFORM pg_notify('verbond_invalidate', 'user:' || u.id) FROM users u WHERE u.person_id = NEW.id;
  ELSE -- sessions, user_roles
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('verbond_invalidate', 'user:' || OLD.user_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('verbond_invalidate', 'user:' || NEW.user_id); END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION notify_all_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('verbond_invalidate', '*');
  RETURN NULL;
END
$$;

-- Sessions: an ended session (logout, logout everywhere, disable, password change or reset, purge), or one
-- whose expiry moved earlier. The once-a-minute touch moves last_seen_at forward and notifies nobody: a cached
-- last_seen_at that is older only makes a process re-read the row before it refuses it.
CREATE TRIGGER sessions_invalidate_delete AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_user_changed();
CREATE TRIGGER sessions_invalidate_update AFTER UPDATE ON sessions
  FOR EACH ROW WHEN (NEW.expires_at IS DISTINCT FROM OLD.expires_at
                  OR NEW.last_seen_at < OLD.last_seen_at
                  OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token
                  OR NEW.user_id IS DISTINCT FROM OLD.user_id
                  OR NEW.token_hash IS DISTINCT FROM OLD.token_hash)
  EXECUTE FUNCTION notify_user_changed();
CREATE TRIGGER sessions_invalidate_truncate AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_changed();

-- Accounts: disabled, password changed or reset (must_change_password), locale, name, e-mail, person.
CREATE TRIGGER users_invalidate AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION notify_user_changed();
CREATE TRIGGER users_invalidate_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_changed();

-- Roles granted, changed or removed.
CREATE TRIGGER user_roles_invalidate AFTER INSERT OR UPDATE OR DELETE ON user_roles
  FOR EACH ROW EXECUTE FUNCTION notify_user_changed();
CREATE TRIGGER user_roles_invalidate_truncate AFTER TRUNCATE ON user_roles
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_changed();

-- The home zone of an account is its person's zone.
CREATE TRIGGER people_invalidate_zone AFTER UPDATE OF zone_id ON people
  FOR EACH ROW WHEN (NEW.zone_id IS DISTINCT FROM OLD.zone_id)
  EXECUTE FUNCTION notify_user_changed();

-- Grants: any change to an agreement, its parties, its domains or its approvals.
CREATE FUNCTION notify_grants_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('verbond_invalidate', 'grants');
  RETURN NULL;
END
$$;

CREATE TRIGGER agreements_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreements
  FOR EACH STATEMENT EXECUTE FUNCTION notify_grants_changed();
CREATE TRIGGER agreement_parties_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_parties
  FOR EACH STATEMENT EXECUTE FUNCTION notify_grants_changed();
CREATE TRIGGER agreement_domains_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_domains
  FOR EACH STATEMENT EXECUTE FUNCTION notify_grants_changed();
CREATE TRIGGER agreement_approvals_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_approvals
  FOR EACH STATEMENT EXECUTE FUNCTION notify_grants_changed();

-- People pages (features/people/service.ts): a change to a person, their zone's name or code, their
-- qualifications or their visibility reasons drops every cached page. Rare writes; a statement trigger.
CREATE FUNCTION notify_people_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('verbond_invalidate', 'people');
  RETURN NULL;
END
$$;

CREATE TRIGGER people_invalidate_pages AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION notify_people_changed();
CREATE TRIGGER zones_invalidate_pages AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zones
  FOR EACH STATEMENT EXECUTE FUNCTION notify_people_changed();
CREATE TRIGGER person_qualifications_invalidate_pages
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_qualifications
  FOR EACH STATEMENT EXECUTE FUNCTION notify_people_changed();
CREATE TRIGGER visibility_reasons_invalidate_pages AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON visibility_reasons
  FOR EACH STATEMENT EXECUTE FUNCTION notify_people_changed();

-- The audit append in one round trip (issue 7 §7: a people list with partner people logs every read, on every
-- request). It did, per entry: lock-or-create the chain head, compute the hash in the application, insert the
-- event and move the head, inside a transaction of its own: five round trips. This function does the same per
-- entry, in order, in one statement (atomic on its own, or part of the caller's transaction). The hash is the
-- one platform/audit.ts computes and verifies: SHA-256 of prev_hash, a newline and the canonical JSON of the
-- entry, whose last key is "seq" (keys are sorted): the application sends that JSON up to `"seq":` as `body`,
-- the function appends the sequence number and the closing brace.
CREATE FUNCTION append_audit(p_entries jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  e jsonb;
  v_prev_seq bigint;
  v_prev_hash text;
  v_seq bigint;
  v_hash text;
BEGIN
  FOR e IN SELECT x.value FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(value, n) ORDER BY x.n LOOP
    -- Creates the head if needed and locks it until commit: the lock orders concurrent writers of one chain.
    INSERT INTO audit_chain_heads AS h (chain_key, last_seq, last_hash)
      VALUES (e->>'chainKey', 0, repeat('0', 64))
      ON CONFLICT (chain_key) DO UPDATE SET chain_key = h.chain_key
      RETURNING h.last_seq, h.last_hash INTO v_prev_seq, v_prev_hash;
    v_seq := v_prev_seq + 1;
    v_hash := encode(sha256(convert_to(v_prev_hash || E'\n' || (e->>'body') || v_seq::text || '}', 'UTF8')), 'hex');
    INSERT INTO audit_events (chain_zone_id, seq, at, actor_user_id, actor_zone_id, action, object_type, object_id,
                              domain, details, prev_hash, hash)
      VALUES ((e->>'chainZoneId')::uuid, v_seq, (e->>'at')::timestamptz, (e->>'actorUserId')::uuid,
              (e->>'actorZoneId')::uuid, e->>'action', e->>'objectType', e->>'objectId', e->>'domain',
              e->'details', v_prev_hash, v_hash);
    UPDATE audit_chain_heads SET last_seq = v_seq, last_hash = v_hash WHERE chain_key = e->>'chainKey';
  END LOOP;
END
$$;

-- Why: the fixed cost of a request (issue 7, §7). Sessions and grants are served from memory in every server
-- process (platform/auth/sessions.ts, platform/grants.ts); these triggers tell every process, in the same
-- transaction as the change, which cached entries a change makes stale. The NOTIFY is sent at COMMIT (never on
-- ROLLBACK) on the channel `verbond_invalidate`, which the invalidation listener of every process hears
-- (platform/invalidation.ts) and which never reaches a browser (it is not the outbox). Triggers rather than
-- calls in the services: every writer is covered, including the command line, the demo seed and SQL run by
-- hand, and a future writer cannot forget it.
--
-- Payloads: 'user:<uuid>' (the sessions of that account), 'grants' (the agreements in force), '*' (everything).

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

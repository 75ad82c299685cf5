-- 0010 notifications. Why: issue 7 §3 — the first consumer of the outbox, the bus and mail is an in-app list
-- of notifications per user (with an unread count in the header), written by the features in the transaction
-- of the change they announce (platform/notifications.ts).

-- One row per recipient. `kind` and `params` are rendered in the reader's language by the web app (and by the
-- mail template); the object is what the notification links to. Read rows older than
-- NOTIFICATION_RETENTION_DAYS are purged by the recurring job `notifications.retention`.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL CONSTRAINT notifications_user_fk REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CONSTRAINT notifications_kind_format CHECK (kind ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  params jsonb NOT NULL DEFAULT '{}' CONSTRAINT notifications_params_object CHECK (jsonb_typeof(params) = 'object'),
  object_type text,
  object_id uuid,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  CONSTRAINT notifications_object CHECK ((object_type IS NULL) = (object_id IS NULL)),
  CONSTRAINT notifications_read_after_created CHECK (read_at IS NULL OR read_at >= created_at)
);
-- "My notifications, newest first" and "my unread ones, newest first" (and their count).
CREATE INDEX notifications_user_newest ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_user_unread ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL;
-- The retention job deletes by read_at.
CREATE INDEX notifications_read_at ON notifications (read_at) WHERE read_at IS NOT NULL;

-- A bus event can be addressed to one user: only that user's streams receive it (features/events/domain.ts).
-- A notification's event names its recipient here, never in a zone or association scope that others share.
ALTER TABLE outbox_events ADD COLUMN user_id uuid CONSTRAINT outbox_events_user_fk REFERENCES users (id) ON DELETE CASCADE;

-- 0006 outbox and jobs. Why: the features ahead (alerts, reminders, escalations, mail) need events that go
-- out exactly when their data commits, and background work that survives a restart and never runs twice at
-- once across server processes (issue 7 §3). Both live in the database, written in the caller's transaction.

-- The transactional outbox. A feature inserts its events in the transaction of its write; a dispatcher
-- publishes them (platform/events.ts). Identity values commit out of order, so the delivery order is a
-- separate `position`, given at publication by one dispatcher at a time (an advisory lock): published events
-- then always form a gap-free sequence, and a client can resume after the last position it saw.
CREATE TABLE outbox_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type text NOT NULL CONSTRAINT outbox_events_type_format CHECK (type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  -- The scope a subscriber's policy filters on: the zone and/or association the event concerns, the domain.
  zone_id uuid REFERENCES zones (id),
  association_id uuid REFERENCES associations (id),
  domain text,
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  position bigint CONSTRAINT outbox_events_position_key UNIQUE,
  published_at timestamptz,
  CONSTRAINT outbox_events_published CHECK ((position IS NULL) = (published_at IS NULL))
);
CREATE INDEX outbox_events_pending ON outbox_events (id) WHERE position IS NULL;
CREATE INDEX outbox_events_published_at ON outbox_events (published_at) WHERE published_at IS NOT NULL;

-- Durable jobs (platform/jobs.ts). A runner claims due rows with FOR UPDATE SKIP LOCKED and leases them
-- (locked_until): a job whose process died is claimed again once its lease is over. The idempotency key is
-- unique per kind: enqueuing the same work twice (two processes, a retried request) makes one job.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  idempotency_key text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'pending' CONSTRAINT jobs_state CHECK (state IN ('pending', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CONSTRAINT jobs_attempts CHECK (attempts >= 0),
  max_attempts integer NOT NULL CONSTRAINT jobs_max_attempts CHECK (max_attempts >= 1),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  CONSTRAINT jobs_idempotency_key UNIQUE (kind, idempotency_key),
  CONSTRAINT jobs_lease CHECK ((state = 'running') = (locked_until IS NOT NULL AND locked_by IS NOT NULL)),
  CONSTRAINT jobs_finished CHECK ((state IN ('done', 'failed')) = (finished_at IS NOT NULL))
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE state = 'pending';
CREATE INDEX jobs_leased ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_finished_at ON jobs (finished_at) WHERE finished_at IS NOT NULL;

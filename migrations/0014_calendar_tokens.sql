-- Calendar feeds (issue 8): a user subscribes a calendar app (Outlook, Google, Apple) to their own duties or to a
-- rotation's through a secret URL /ical/<token>.ics. A calendar app cannot sign in, so the URL is the credential:
-- like a session (0001), only the token's SHA-256 is kept, so a leaked row cannot be replayed as a URL. A feed
-- is revoked, never deleted, so the list can show when it was last used; a user holds at most one active feed
-- per scope (their own duties; each rotation): asking a new URL revokes the old one.

CREATE TABLE calendar_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scope text NOT NULL CONSTRAINT calendar_tokens_scope CHECK (scope IN ('person', 'rotation')),
  rotation_id uuid REFERENCES rotations (id) ON DELETE CASCADE,
  token_hash text NOT NULL CONSTRAINT calendar_tokens_token_hash CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  label text CONSTRAINT calendar_tokens_label CHECK (char_length(label) <= 80),
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  -- A rotation feed names its rotation; a feed of one's own duties names none.
  CONSTRAINT calendar_tokens_scope_rotation CHECK ((scope = 'rotation') = (rotation_id IS NOT NULL)),
  CONSTRAINT calendar_tokens_revoked CHECK (revoked_at IS NULL OR revoked_at >= created_at),
  CONSTRAINT calendar_tokens_token_unique UNIQUE (token_hash)
);

-- At most one active feed per user and scope. The nil uuid stands for "no rotation" so that the person scope is
-- unique too (a plain unique key treats NULLs as distinct).
CREATE UNIQUE INDEX calendar_tokens_one_active ON calendar_tokens
  (user_id, scope, coalesce(rotation_id, '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE revoked_at IS NULL;
CREATE INDEX calendar_tokens_user ON calendar_tokens (user_id, created_at);

-- 001: the Ayrshare slice's first schema. Plain PostgreSQL (13+), also run by PGlite.
-- Posts keep Ayrshare's 20-character ids; secrets are sha256 hex digests; deleted posts get deleted_at.

-- A profile is reached by an API key alone (the primary profile, profile_key_sha256 NULL) or by
-- the API key plus a Profile-Key (a user profile of that account).
CREATE TABLE ayrshare_profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  api_key_sha256 text NOT NULL CHECK (api_key_sha256 ~ '^[0-9a-f]{64}$'),
  profile_key_sha256 text CHECK (profile_key_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ayrshare_profiles_primary_idx ON ayrshare_profiles (api_key_sha256) WHERE profile_key_sha256 IS NULL;
CREATE UNIQUE INDEX ayrshare_profiles_user_idx ON ayrshare_profiles (api_key_sha256, profile_key_sha256) WHERE profile_key_sha256 IS NOT NULL;

CREATE TABLE ayrshare_posts (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9]{20}$'),
  profile_id uuid NOT NULL REFERENCES ayrshare_profiles (id) ON DELETE CASCADE,
  post text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('pending', 'published')),
  -- [{ "platform": "twitter", "networkPostId": "1288…" }, …]; a pending post lists its target
  -- platforms without networkPostId (it was never sent).
  platforms jsonb NOT NULL DEFAULT '[]'::jsonb,
  schedule_date timestamptz,
  deleted_at timestamptz,
  -- true when deleted with markManualDeleted (the networks were not contacted).
  manual_deleted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ayrshare_posts_profile_live_idx ON ayrshare_posts (profile_id, status) WHERE deleted_at IS NULL;

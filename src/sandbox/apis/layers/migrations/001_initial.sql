-- 001: the Layers slice's first schema. Plain PostgreSQL (13+), also run by PGlite.
-- Ids are uuids. Secrets are stored as sha256 hex digests only. Influencers are soft-deleted (archived).

-- The one settings row (id is always true): the global kill switch of the partner API.
CREATE TABLE layers_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  global_kill_switch boolean NOT NULL DEFAULT false
);
INSERT INTO layers_settings (id) VALUES (true);

CREATE TABLE layers_organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  kill_switch boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE layers_api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES layers_organizations (id) ON DELETE CASCADE,
  secret_sha256 text NOT NULL UNIQUE CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
  label text NOT NULL DEFAULT '',
  scopes text[] NOT NULL DEFAULT '{}',
  kill_switch boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX layers_api_keys_organization_idx ON layers_api_keys (organization_id);

CREATE TABLE layers_projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES layers_organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- The project the provider states put new influencers in: at most one per organization.
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, organization_id)
);
CREATE UNIQUE INDEX layers_projects_default_idx ON layers_projects (organization_id) WHERE is_default;

CREATE TABLE layers_influencers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL,
  -- Denormalised from the project (the composite foreign key keeps it equal) so the list is one
  -- index range per organization.
  organization_id uuid NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 128),
  gender text NOT NULL CHECK (gender IN ('male', 'female', 'non_binary')),
  age_range text CHECK (age_range IN ('teen', 'young_adult', 'adult', 'mid_adult', 'mature', 'senior')),
  brand_voice text NOT NULL CHECK (brand_voice IN ('authentic', 'witty', 'professional', 'warm', 'casual', 'educational')),
  language text NOT NULL,
  status text NOT NULL DEFAULT 'ready',
  -- Soft delete: the row stays for audit, invisible to every partner read.
  is_archived boolean NOT NULL DEFAULT false,
  -- attributes.deletion = { reason, keyId, at } once archived.
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (project_id, organization_id) REFERENCES layers_projects (id, organization_id) ON DELETE CASCADE
);
CREATE INDEX layers_influencers_live_page_idx
  ON layers_influencers (organization_id, created_at DESC, id DESC) WHERE NOT is_archived;

CREATE TABLE layers_social_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES layers_organizations (id) ON DELETE CASCADE,
  platform text NOT NULL,
  handle text NOT NULL,
  status text NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'disconnected')),
  -- The stored platform token; dropped (NULL) when the account is disconnected.
  token text,
  disconnected_reason text,
  disconnected_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'connected') = (disconnected_at IS NULL))
);
CREATE INDEX layers_social_accounts_organization_idx ON layers_social_accounts (organization_id);

CREATE TABLE layers_scheduled_posts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  social_account_id uuid NOT NULL REFERENCES layers_social_accounts (id) ON DELETE CASCADE,
  influencer_id uuid REFERENCES layers_influencers (id) ON DELETE SET NULL,
  caption text NOT NULL DEFAULT '',
  scheduled_for timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'published', 'canceled')),
  canceled_reason text,
  canceled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX layers_scheduled_posts_account_status_idx ON layers_scheduled_posts (social_account_id, status);

CREATE SCHEMA IF NOT EXISTS media;
CREATE TABLE IF NOT EXISTS media.objects (
  key text PRIMARY KEY,
  owner_id text NOT NULL,
  content_type text NOT NULL,
  size bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

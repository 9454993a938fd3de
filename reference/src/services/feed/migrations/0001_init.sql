CREATE SCHEMA IF NOT EXISTS feed;
-- One row per post per author, written by the posts.created consumer (reference/src/events); read by every feed.
CREATE TABLE IF NOT EXISTS feed.author_timeline (
  author_id text NOT NULL,
  post_id bigint NOT NULL,
  media_url text NOT NULL DEFAULT '',
  snippet text NOT NULL DEFAULT '',
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (author_id, post_id)
);
CREATE INDEX IF NOT EXISTS author_timeline_order ON feed.author_timeline (author_id, created_at DESC, post_id DESC);
CREATE TABLE IF NOT EXISTS feed.celebrities (
  user_id text PRIMARY KEY,
  added_at timestamptz NOT NULL DEFAULT now()
);

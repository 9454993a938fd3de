CREATE SCHEMA IF NOT EXISTS posts;
CREATE TABLE IF NOT EXISTS posts.posts (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  description text NOT NULL,
  media text NOT NULL DEFAULT '',
  views bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS posts_by_user ON posts.posts (user_id, created_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS posts.post_tags (
  post_id bigint NOT NULL REFERENCES posts.posts (id),
  position smallint NOT NULL,
  tag text NOT NULL,
  PRIMARY KEY (post_id, tag)
);

CREATE SCHEMA IF NOT EXISTS feedback;
CREATE TABLE IF NOT EXISTS feedback.likes (
  post_id bigint NOT NULL,
  user_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, user_id)
);
CREATE TABLE IF NOT EXISTS feedback.comments (
  id bigserial PRIMARY KEY,
  post_id bigint NOT NULL,
  user_id text NOT NULL,
  reply_id bigint REFERENCES feedback.comments (id) ON DELETE SET NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS comments_by_post ON feedback.comments (post_id, created_at DESC, id DESC);

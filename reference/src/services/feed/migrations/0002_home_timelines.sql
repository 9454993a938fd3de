-- The hybrid strategy (FEED_STRATEGY=hybrid, docs/decisions/0010-feed-design.md). Unused by the pull strategy.
-- Home timelines: one row per (reader, post) pushed by the fan-out or backfilled on follow; the content stays in
-- feed.author_timeline. The primary key makes a redelivered post or a repeated backfill a no-op.
CREATE TABLE IF NOT EXISTS feed.home_timeline (
  user_id text NOT NULL,
  post_id bigint NOT NULL,
  author_id text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, post_id)
);
CREATE INDEX IF NOT EXISTS home_timeline_order ON feed.home_timeline (user_id, created_at DESC, post_id DESC);
-- The followees whose recent posts a reader's home timeline holds (backfilled on follow, dropped on unfollow/block).
CREATE TABLE IF NOT EXISTS feed.home_sources (
  user_id text NOT NULL,
  author_id text NOT NULL,
  PRIMARY KEY (user_id, author_id)
);
-- Authors merged at read time: above the fan-out threshold or marked celebrity when one of their posts was fanned
-- out. Sticky, so the posts that were not pushed stay visible after a demotion.
CREATE TABLE IF NOT EXISTS feed.pulled_authors (
  author_id text PRIMARY KEY,
  since timestamptz NOT NULL DEFAULT now()
);
-- Posts waiting for their fan-out, written by the posts.created consumer in the transaction of its inbox record.
CREATE TABLE IF NOT EXISTS feed.fanout_queue (
  author_id text NOT NULL,
  post_id bigint NOT NULL,
  created_at timestamptz NOT NULL,
  enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  claimed_until timestamptz,
  PRIMARY KEY (author_id, post_id)
);

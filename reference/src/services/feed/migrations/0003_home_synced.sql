-- The version of the reader's relationships (listRelationships' ETag) that feed.home_sources was last synced to:
-- a read at the same version skips the sync, so its cost does not grow with the followees. The row is also the
-- reader's lock: a sync and a rebuild's forget take it first, so neither interleaves with the other.
CREATE TABLE IF NOT EXISTS feed.home_synced (
  user_id text PRIMARY KEY,
  version text
);

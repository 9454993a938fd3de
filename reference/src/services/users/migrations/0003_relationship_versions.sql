-- The version of each user's relationships, sent as the ETag of GET /relationships (listRelationships): the feed
-- keeps a reader's followees and revalidates them with one request per read. Triggers bump it, so no writer (the
-- handlers, a seed script, a manual fix) can change a relationship without changing the version. The value is a
-- clock reading in microseconds, kept strictly increasing, so a version from an earlier database is never reused.
CREATE TABLE IF NOT EXISTS users.relationship_versions (
  user_id text PRIMARY KEY,
  version bigint NOT NULL
);

-- (the migration runner splits at a `;` that ends a line, so the body stays on one line)
CREATE OR REPLACE FUNCTION users.bump_relationship_versions() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO users.relationship_versions (user_id, version) SELECT user_id, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint FROM (SELECT DISTINCT user_id FROM changed_rows) changed ON CONFLICT (user_id) DO UPDATE SET version = GREATEST(users.relationship_versions.version + 1, EXCLUDED.version); RETURN NULL; END $$;

-- A trigger with a transition table takes one event, hence three.
DROP TRIGGER IF EXISTS relationships_inserted ON users.relationships;
CREATE TRIGGER relationships_inserted AFTER INSERT ON users.relationships
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION users.bump_relationship_versions();
DROP TRIGGER IF EXISTS relationships_deleted ON users.relationships;
CREATE TRIGGER relationships_deleted AFTER DELETE ON users.relationships
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION users.bump_relationship_versions();
DROP TRIGGER IF EXISTS relationships_updated ON users.relationships;
CREATE TRIGGER relationships_updated AFTER UPDATE ON users.relationships
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION users.bump_relationship_versions();

CREATE SCHEMA IF NOT EXISTS users;
CREATE TABLE IF NOT EXISTS users.users (
  user_id text PRIMARY KEY,
  shard_id integer NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS users_email ON users.users (lower(email));
CREATE INDEX IF NOT EXISTS users_by_shard ON users.users (shard_id, created_at DESC, user_id DESC);
CREATE TABLE IF NOT EXISTS users.profiles (
  user_id text PRIMARY KEY REFERENCES users.users (user_id),
  description text,
  city_id bigint,
  education jsonb,
  hobby jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS users.interests (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS users.user_interests (
  user_id text NOT NULL REFERENCES users.users (user_id),
  interest_id bigint NOT NULL REFERENCES users.interests (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, interest_id)
);
CREATE TABLE IF NOT EXISTS users.follows (
  user_id text NOT NULL REFERENCES users.users (user_id),
  target_id text NOT NULL REFERENCES users.users (user_id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, target_id)
);
CREATE TABLE IF NOT EXISTS users.friends (
  user_id text NOT NULL REFERENCES users.users (user_id),
  friend_id text NOT NULL REFERENCES users.users (user_id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, friend_id)
);
CREATE TABLE IF NOT EXISTS users.relationships (
  user_id text NOT NULL REFERENCES users.users (user_id),
  related_id text NOT NULL REFERENCES users.users (user_id),
  type smallint NOT NULL CHECK (type IN (1, 2, 3)),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, related_id, type)
);

CREATE SCHEMA IF NOT EXISTS chats;
CREATE TABLE IF NOT EXISTS chats.chats (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  owner_id text NOT NULL,
  open boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS chats.chat_members (
  chat_id bigint NOT NULL REFERENCES chats.chats (id),
  user_id text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chat_id, user_id)
);
CREATE INDEX IF NOT EXISTS chat_members_by_user ON chats.chat_members (user_id);
CREATE TABLE IF NOT EXISTS chats.messages (
  id bigserial PRIMARY KEY,
  chat_id bigint NOT NULL REFERENCES chats.chats (id),
  user_id text NOT NULL,
  text text NOT NULL DEFAULT '',
  media_url text NOT NULL DEFAULT '',
  send_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS messages_by_chat ON chats.messages (chat_id, id DESC);
CREATE INDEX IF NOT EXISTS messages_by_time ON chats.messages (send_time);
CREATE TABLE IF NOT EXISTS chats.message_seens (
  message_id bigint NOT NULL REFERENCES chats.messages (id),
  user_id text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, user_id)
);

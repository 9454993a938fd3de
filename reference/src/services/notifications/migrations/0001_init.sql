CREATE SCHEMA IF NOT EXISTS notifications;
-- Written by POST /notifications/test and by the messages.created consumer (reference/src/events).
CREATE TABLE IF NOT EXISTS notifications.notifications (
  id uuid PRIMARY KEY,
  user_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('message', 'post')),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  meta jsonb,
  read boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS notifications_by_user ON notifications.notifications (user_id, created_at DESC, id DESC);

-- Shared by every service: events written in the same transaction as the change that causes them.
-- The event side (reference/src/events) relays unpublished rows to Kafka and sets published_at.
CREATE TABLE IF NOT EXISTS public.outbox (
  id bigserial PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  topic text NOT NULL,
  key text NOT NULL,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_unpublished ON public.outbox (id) WHERE published_at IS NULL;

-- Consumer inbox (SN-EVENTS-CONSUMER-IDEMPOTENT): one row per (consumer group, event id) applied, written in the
-- same transaction as the event's effect, so a redelivered event finds its row and is skipped.
CREATE TABLE IF NOT EXISTS public.inbox (
  consumer_group text NOT NULL,
  event_id uuid NOT NULL,
  topic text NOT NULL,
  partition integer NOT NULL,
  "offset" bigint NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);

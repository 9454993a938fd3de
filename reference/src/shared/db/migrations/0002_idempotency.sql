-- Idempotency-Key records (spec-conventions "Idempotency"): claimed before the effect, completed in the effect's transaction.
CREATE TABLE IF NOT EXISTS public.idempotency_keys (
  caller text NOT NULL,
  operation_id text NOT NULL,
  idempotency_key text NOT NULL,
  fingerprint text NOT NULL,
  state text NOT NULL CHECK (state IN ('in_flight', 'completed')),
  response_status integer,
  response_headers jsonb,
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (caller, operation_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_expiry ON public.idempotency_keys (expires_at);

-- Wakes the outbox relay at commit (it LISTENs on socialnet_outbox) instead of at its next poll. NOTIFY is
-- transactional: a rolled-back write wakes nobody, and a transaction's notifications are delivered once, at commit.
CREATE OR REPLACE FUNCTION public.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('socialnet_outbox', ''); RETURN NULL; END $$;
DROP TRIGGER IF EXISTS outbox_notify ON public.outbox;
CREATE TRIGGER outbox_notify AFTER INSERT ON public.outbox FOR EACH STATEMENT EXECUTE FUNCTION public.outbox_notify();

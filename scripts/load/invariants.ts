import type { Queryable } from '../../reference/src/index.ts';
import type { Accepted } from './scenario.ts';
import type { Outcome } from './stats.ts';

export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

const SERVICE_UNAVAILABLE = 'https://socialnet.dev/problems/service-unavailable';

/** The answers' invariants: no transport errors, no 5xx (during a fault: only problem+json 503 with Retry-After). */
export function answerInvariants(
  outcomes: Outcome[],
  fault: boolean,
): { invariants: Invariant[]; errors: number; unavailable: Outcome[] } {
  const transport = outcomes.filter((o) => o.status === 0);
  const wellFormed503 = (o: Outcome) =>
    o.status === 503 && o.problemType === SERVICE_UNAVAILABLE && Boolean(o.retryAfter);
  const unavailable = fault ? outcomes.filter(wellFormed503) : [];
  const serverErrors = outcomes.filter((o) => o.status >= 500 && !unavailable.includes(o));
  const refused = outcomes.filter((o) => o.status >= 400 && o.status < 500);
  const summary = (list: Outcome[]) => {
    const counts = new Map<string, number>();
    for (const o of list)
      counts.set(`${o.step} ${o.status || o.transport}`, (counts.get(`${o.step} ${o.status || o.transport}`) ?? 0) + 1);
    return [...counts].map(([k, n]) => `${k} ×${n}`).join(', ');
  };
  const invariants: Invariant[] = [
    {
      name: 'no transport errors or hangs',
      ok: transport.length === 0,
      detail: transport.length ? summary(transport) : '0',
    },
    {
      name: fault ? 'no 5xx but problem+json 503 service-unavailable with Retry-After' : 'no 5xx',
      ok: serverErrors.length === 0,
      detail: serverErrors.length ? summary(serverErrors) : '0',
    },
    { name: 'no refused request (4xx)', ok: refused.length === 0, detail: refused.length ? summary(refused) : '0' },
  ];
  return { invariants, errors: transport.length + serverErrors.length + refused.length, unavailable };
}

interface Snapshot {
  unpublished: number;
  messages: number;
  expectedNotifications: number;
  notifications: number;
  /** messages whose notification count differs from their chat's members less the sender (or notifications of no message) */
  wrong: number;
}

async function snapshot(db: Queryable): Promise<Snapshot> {
  const {
    rows: [outbox],
  } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM public.outbox WHERE published_at IS NULL');
  const {
    rows: [r],
  } = await db.query<Omit<Snapshot, 'unpublished'>>(`
    WITH expected AS (
      SELECT m.id, count(cm.user_id)::int - 1 AS n FROM chats.messages m JOIN chats.chat_members cm USING (chat_id) GROUP BY m.id
    ), got AS (
      SELECT (meta->>'message_id')::bigint AS id, count(*)::int AS n FROM notifications.notifications WHERE kind = 'message' GROUP BY 1
    )
    SELECT count(expected.id)::int AS messages, coalesce(sum(expected.n), 0)::int AS "expectedNotifications",
           coalesce(sum(got.n), 0)::int AS notifications,
           count(*) FILTER (WHERE coalesce(expected.n, -1) <> coalesce(got.n, 0))::int AS wrong
      FROM expected FULL JOIN got USING (id)`);
  return { unpublished: outbox!.n, ...r! };
}

/**
 * The stored state's invariants, once the event side has caught up (polled until the outbox is drained and every
 * message has its notifications, or `waitMs` passed): every 2xx write is stored, every message produced exactly one
 * notification per other member, no Idempotency-Key produced a second message, the outbox drained.
 */
export async function storedInvariants(
  db: Queryable,
  accepted: Accepted,
  waitMs: number,
): Promise<{ invariants: Invariant[]; waitedMs: number }> {
  const t0 = Date.now();
  let s = await snapshot(db);
  while ((s.unpublished > 0 || s.wrong > 0) && Date.now() - t0 < waitMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    s = await snapshot(db);
  }
  const waitedMs = Date.now() - t0;
  const missing = async (table: string, column: string, ids: Iterable<string | number>) => {
    const list = [...ids];
    const {
      rows: [r],
    } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${column}::text = ANY($1::text[])`,
      [list.map(String)],
    );
    return list.length - r!.n;
  };
  const lost = {
    users: await missing('users.users', 'user_id', accepted.users),
    chats: await missing('chats.chats', 'id', accepted.chats),
    posts: await missing('posts.posts', 'id', accepted.posts),
    messages: await missing('chats.messages', 'id', accepted.messages),
  };
  const lostTotal = Object.values(lost).reduce((a, b) => a + b, 0);
  // every keyed send's text carries its key: two stored messages with one text = one key, two resources
  const {
    rows: [dup],
  } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT text FROM chats.messages WHERE text LIKE 'message load-%' GROUP BY text HAVING count(*) > 1) d`,
  );
  return {
    waitedMs,
    invariants: [
      {
        name: 'every write answered 2xx is stored',
        ok: lostTotal === 0,
        detail: lostTotal
          ? `lost ${JSON.stringify(lost)}`
          : `${accepted.users.size} users, ${accepted.chats.size} chats, ${accepted.posts.size} posts, ${accepted.messages.size} messages`,
      },
      {
        name: 'one notification per other member for every message',
        ok: s.wrong === 0 && s.messages > 0,
        detail: `${s.messages} messages, ${s.notifications} notifications of ${s.expectedNotifications} expected, ${s.wrong} messages wrong`,
      },
      {
        name: 'no retried Idempotency-Key produced a second resource',
        ok: dup!.n === 0 && accepted.replayMismatches.length === 0,
        detail: `${accepted.replays} replays, ${dup!.n} keys with two messages, ${accepted.replayMismatches.length} replays with another answer${accepted.replayMismatches.length ? `: ${accepted.replayMismatches.slice(0, 3).join('; ')}` : ''}`,
      },
      {
        name: 'outbox drained',
        ok: s.unpublished === 0,
        detail: `${s.unpublished} unpublished after ${(waitedMs / 1000).toFixed(1)} s`,
      },
    ],
  };
}

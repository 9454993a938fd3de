import type { Database, Queryable } from '../../../src/shared/db/queryable.ts';
import type { EventHandler } from '../../../src/events/index.ts';

/**
 * A test effect: one row per applied event in `events_test.effects` (no unique key, so a duplicate effect would show
 * as a second row). The payload's `description` scripts failures:
 *   "fail-twice"     transient failure on the first two attempts of each event id, then success
 *   "fail-always"    transient failure on every attempt
 *   "fail-permanent" an integrity violation (SQLSTATE 23514), which must not be retried
 *   "fail-until-fixed" transient failure until `fixed` is set (then the DLQ replay can apply it)
 */
export async function createEffectsTable(db: Database): Promise<void> {
  await db.exec(`CREATE SCHEMA IF NOT EXISTS events_test;
    CREATE TABLE IF NOT EXISTS events_test.effects (grp text NOT NULL, event_id uuid NOT NULL, payload jsonb NOT NULL)`);
}

export function recordingHandler(group: string): EventHandler & { attempts: Map<string, number>; fixed: boolean } {
  const attempts = new Map<string, number>();
  return {
    attempts,
    fixed: false,
    async apply(tx: Queryable, events) {
      for (const event of events) {
        const id = event.envelope.id;
        const n = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, n);
        const script = event.payload.description;
        if (
          (script === 'fail-twice' && n <= 2) ||
          script === 'fail-always' ||
          (script === 'fail-until-fixed' && !this.fixed)
        ) {
          throw Object.assign(new Error(`scripted transient failure ${n}`), {
            name: 'TransientEffectError',
            code: '40001',
          });
        }
        if (script === 'fail-permanent') throw Object.assign(new Error('scripted check violation'), { code: '23514' });
        await tx.query('INSERT INTO events_test.effects (grp, event_id, payload) VALUES ($1, $2, $3)', [
          group,
          id,
          JSON.stringify(event.payload),
        ]);
      }
    },
  };
}

export async function effectCount(db: Queryable, eventId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM events_test.effects WHERE event_id = $1',
    [eventId],
  );
  return rows[0]?.n ?? 0;
}

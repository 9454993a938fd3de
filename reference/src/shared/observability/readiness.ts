import type { Queryable } from '../db/queryable.ts';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export const databaseCheck = (db: Queryable): ReadinessCheck => ({
  name: 'database',
  check: async () => void (await db.query('SELECT 1')),
});

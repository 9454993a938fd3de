// Database errors caused by a request's data map to problems that carry none of the database's words, on PGlite and
// on real PostgreSQL (the errors are produced by the databases themselves, not built by hand).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseProblem } from '../src/shared/db/database-problems.ts';
import { createPgliteDatabase } from '../src/shared/db/pglite-database.ts';
import { createPostgresDatabase } from '../src/shared/db/postgres-database.ts';
import type { Database } from '../src/shared/db/queryable.ts';
import { withPostgres } from '../../scripts/testing/infra.ts';

const TABLES = `CREATE TEMP TABLE parent (id int PRIMARY KEY);
  CREATE TEMP TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id), n int CHECK (n > 0));
  INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1, 1, 1)`;

/** Statement, parameters, and the slug the error it raises must map to (undefined: a server error, no mapping). */
const REFUSALS: [string, string, unknown[], string | undefined][] = [
  ['NUL in text', 'SELECT $1::text', ['a\u0000b'], 'validation-failed'],
  ['bad date', "SELECT '2020-13-45'::date", [], 'validation-failed'],
  ['division by zero', 'SELECT 1 / 0', [], 'validation-failed'],
  ['integer out of range', 'SELECT 2147483648::int', [], 'validation-failed'],
  ['NUL escape in jsonb', `SELECT '{"a":"\\u0000"}'::jsonb::text`, [], 'validation-failed'],
  ['unique violation', 'INSERT INTO child VALUES (1, 1, 1)', [], 'conflict'],
  ['foreign key violation', 'INSERT INTO child VALUES (2, 99, 1)', [], 'conflict'],
  ['check violation', 'INSERT INTO child VALUES (3, 1, -1)', [], 'validation-failed'],
  ["syntax error (ours, not the client's)", 'SELEC 1', [], undefined],
  ['unknown column (ours)', 'SELECT nope FROM parent', [], undefined],
];

async function raised(db: Database, sql: string, params: unknown[]): Promise<unknown> {
  try {
    await db.transaction(async (tx) => {
      for (const statement of TABLES.split(';')) await tx.query(statement);
      await tx.query(sql, params);
    });
  } catch (error) {
    return error;
  }
  throw new Error(`${sql} did not fail`);
}

function suite(open: () => Promise<Database>): void {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  }, 120_000);
  afterAll(() => db?.close());

  it.each(REFUSALS)('%s', async (_name, sql, params, slug) => {
    const error = (await raised(db, sql, params)) as Error;
    const problem = databaseProblem(error);
    expect(problem?.slug).toBe(slug);
    if (problem) {
      const body = JSON.stringify(problem.body('/x'));
      expect(body).not.toContain(error.message);
      expect(body).not.toMatch(/UTF8|0x00|violates|constraint|relation|column|syntax|range|zero|date/i);
    }
  });
}

describe('database errors → problems: PGlite', () => suite(() => createPgliteDatabase()));
withPostgres('database errors → problems: real PostgreSQL', (url) =>
  suite(async () => createPostgresDatabase(url, { max: 1 })),
);

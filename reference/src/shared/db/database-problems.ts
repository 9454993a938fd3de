import { ProblemError } from '../problem/problem.ts';

/** An error from PostgreSQL (pg or PGlite): its SQLSTATE in `code`. */
interface DatabaseError {
  code: string;
  message: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

export const isDatabaseError = (error: unknown): error is DatabaseError =>
  typeof (error as DatabaseError | undefined)?.code === 'string' &&
  SQLSTATE.test((error as DatabaseError).code) &&
  typeof (error as DatabaseError).message === 'string';

/**
 * PostgreSQL refusals that come from what the client sent, by SQLSTATE (code or class prefix), first match wins. The
 * response never carries the database's message (it names encodings, constraints, columns); the caller logs it.
 * Values the platform knows it cannot store (U+0000, lone surrogates, integers beyond 2^53-1) are refused before the
 * database with a pointer (`http/storable-values.ts`); these rules are the backstop for the rest.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
const RULES: { sqlstate: string; problem: () => ProblemError }[] = [
  { sqlstate: '23505', problem: () => new ProblemError('conflict', 'the resource already exists') },
  {
    sqlstate: '23503',
    problem: () => new ProblemError('conflict', 'the request refers to a resource that does not exist (any more)'),
  },
  {
    sqlstate: '23514',
    problem: () => new ProblemError('validation-failed', 'a value in the request is outside what can be stored'),
  },
  // class 22, data exception: a value the column cannot hold (bad encoding, out of range, bad datetime, ...)
  { sqlstate: '22', problem: () => new ProblemError('validation-failed', 'a value in the request cannot be stored') },
  // class 54, program limit exceeded: e.g. a text too large for its index
  {
    sqlstate: '54',
    problem: () => new ProblemError('validation-failed', 'a value in the request is too large to be stored'),
  },
];

/** The problem for a database error caused by the request's data, or undefined (a server error). */
export function databaseProblem(error: unknown): ProblemError | undefined {
  if (!isDatabaseError(error)) return undefined;
  return RULES.find((r) => error.code.startsWith(r.sqlstate))?.problem();
}

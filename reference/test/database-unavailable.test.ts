// A database that cannot be reached is 503 service-unavailable with Retry-After; a statement the database refused
// for its data is not (that is the client's error, mapped elsewhere).
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../src/shared/db/unavailable.ts';
import { toProblem } from '../src/shared/http/problem-response.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('database unavailable → 503', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    ['admin shutdown (restart)', withCode('57P01', 'terminating connection due to administrator command')],
    ['starting up', withCode('57P03', 'the database system is starting up')],
    ['connection exception', withCode('08006')],
    ['statement timeout', withCode('57014', 'canceling statement due to statement timeout')],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const problem = toProblem(error);
    expect(problem?.status).toBe(503);
    expect(problem?.slug).toBe('service-unavailable');
    expect(problem?.headers['Retry-After']).toMatch(/^\d+$/);
    expect(problem?.message).not.toMatch(/ECONN|57P|terminat/); // no internals
  });

  it.each([
    ['invalid input (22P02)', withCode('22P02')],
    ['unique violation (23505)', withCode('23505')],
    ['a bug', new TypeError('cannot read properties of undefined')],
  ])('not for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(toProblem(error)?.status).not.toBe(503);
  });
});

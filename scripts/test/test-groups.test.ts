// The suite runs conformance files that start everything in-process two at a time (vitest.config.ts); these tests keep
// a file that shares real infrastructure out of that group.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import config, { CONFORMANCE_SHARED } from '../../vitest.config.ts';
import { withKafka, withPostgres } from '../testing/infra.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('the in-process test group', () => {
  const before = process.env.TEST_GROUP;
  afterEach(() => {
    if (before === undefined) delete process.env.TEST_GROUP;
    else process.env.TEST_GROUP = before;
  });

  it('refuses a file that asks for real PostgreSQL or Kafka, naming where to list it', () => {
    process.env.TEST_GROUP = 'in-process';
    expect(() => withPostgres('a suite on PostgreSQL', () => undefined)).toThrow(/CONFORMANCE_SHARED/);
    expect(() => withKafka('a suite on Kafka', () => undefined)).toThrow(/needs Apache Kafka/);
  });

  it('is the only group that runs files side by side, and each shared file it leaves out exists', () => {
    const projects = (config.test?.projects ?? []) as { test: { name: string; maxWorkers: number; env?: object } }[];
    const parallel = projects.filter((p) => p.test.maxWorkers > 1).map((p) => p.test);
    expect(parallel.map((p) => [p.name, p.env])).toEqual([['conformance', { TEST_GROUP: 'in-process' }]]);
    for (const file of CONFORMANCE_SHARED) expect(existsSync(join(ROOT, 'conformance', file)), file).toBe(true);
  });
});

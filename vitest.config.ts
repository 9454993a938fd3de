import { defineConfig } from 'vitest/config';

/**
 * The conformance test files that share something with other files, so they run one at a time with the rest of the
 * suite: real PostgreSQL or Kafka (topics named as in the specs), or the package folder (`npm pack` copies the specs
 * into conformance/specs for a moment, and the CLI loads its specs from there while they exist).
 */
export const CONFORMANCE_SHARED = [
  'test/defects/D1-consumer-no-idempotency-no-dlq.test.ts',
  'test/feed/feed-strategies.test.ts',
  'test/foreign/never-crash-kafka.test.ts',
  'test/packed-cli.test.ts',
];

// One project per workspace, so `npx vitest run --project broker` runs one part alone. Group 0 runs one file at a
// time (real PostgreSQL and Kafka, fixed scratch names, the repository's own files); group 1, the conformance files
// that start everything they use in-process (embedded defaults, ephemeral ports, temporary folders), runs two at a
// time after it. A file in group 1 that reaches for real infrastructure fails (scripts/testing/infra.ts).
const project = (name: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: {
    name,
    root: `./${name.split(':')[0]}`,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    maxWorkers: 1,
    sequence: { groupOrder: 0 },
    ...extra,
  },
});

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      project('specs'),
      project('generated'),
      project('broker'),
      project('reference'),
      project('conformance:shared', { include: CONFORMANCE_SHARED }),
      project('scripts'),
      project('pact'),
      project('conformance', {
        exclude: ['**/node_modules/**', ...CONFORMANCE_SHARED],
        maxWorkers: 2,
        sequence: { groupOrder: 1 },
        env: { TEST_GROUP: 'in-process' },
      }),
    ],
  },
});

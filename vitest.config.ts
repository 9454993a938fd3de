import { defineConfig } from 'vitest/config';

// One project per workspace, so `npx vitest run --project broker` runs one part alone.
const project = (name: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: { name, root: `./${name}`, include: ['**/*.test.ts'], exclude: ['**/node_modules/**'], ...extra },
});

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      project('specs'),
      project('generated'),
      project('broker'),
      project('reference'),
      project('conformance'),
      project('scripts'),
      project('pact'),
    ],
  },
});

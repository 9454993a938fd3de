// The feed benchmark (scripts/bench/feed.ts) in its --quick size on the embedded defaults: it runs to the end and
// prints both strategies in every table, the write side scales as designed, and the plot is an SVG. Never timings.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('feed benchmark --quick (PGlite, embedded broker)', () => {
  it('prints pull and hybrid side by side and writes the plot', { timeout: 600_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'feed-bench-'));
    try {
      const svg = path.join(dir, 'feed.svg');
      const { TEST_DATABASE_URL: _db, KAFKA_BROKERS: _kafka, FEED_STRATEGY: _s, ...env } = process.env;
      const { stdout } = await run(
        'npx',
        ['tsx', 'scripts/bench/feed.ts', '--quick', '--reads', '3', '--visible', '2', '--svg', svg],
        { cwd: path.resolve(import.meta.dirname, '../..'), env, maxBuffer: 1 << 24 },
      );
      expect(stdout).toContain('followees | pull p50 | pull p99 | hybrid p50 | hybrid p99');
      for (const n of [5, 20, 50])
        expect(stdout, stdout).toMatch(
          new RegExp(`^${n} \\(\\+2\\) \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+`, 'm'),
        );
      // one post: pull writes its author-timeline row only; hybrid adds one row per follower up to the threshold (50)
      // and none above it
      for (const n of [5, 20, 50])
        expect(stdout, stdout).toMatch(new RegExp(`^${n} \\| 1 \\| [\\d.]+ \\| ${n + 1} \\| [\\d.]+$`, 'm'));
      expect(stdout, stdout).toMatch(/^51 \(above threshold\) \| 1 \| [\d.]+ \| 1 \| [\d.]+$/m);
      expect(stdout).toMatch(/^hybrid \| [\d.]+ \| [\d.]+ \| [\d.]+$/m);
      expect(stdout).toMatch(/^pull \| [\d.]+ \| [\d.]+ \| [\d.]+$/m);
      const plot = await readFile(svg, 'utf8');
      expect(plot).toMatch(/^<svg /);
      expect(plot).toContain('hybrid');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

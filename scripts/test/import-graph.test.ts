import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importGraph } from '../import-graph/graph.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Known breaks of a "never" edge, each with why it is still there: the test fails when one is added, and when one
 * listed here is gone (then delete its line).
 */
const KNOWN: Record<string, string> = {};

describe('the import graph (ARCHITECTURE.md)', () => {
  it(
    'has no circle between files of different folders, and every "never" edge holds',
    { timeout: 120_000 },
    async () => {
      const graph = await importGraph(ROOT);
      expect(graph.modules).toBeGreaterThan(300);
      expect(graph.circles).toEqual([]);
      expect(graph.forbidden).toEqual(Object.keys(KNOWN).sort());
    },
  );

  describe('fails when such an edge or circle is added (a fixture tree)', () => {
    const base = mkdtempSync(join(tmpdir(), 'import-graph-'));
    afterAll(() => rmSync(base, { recursive: true, force: true }));
    const file = (path: string, text: string) => {
      mkdirSync(dirname(join(base, path)), { recursive: true });
      writeFileSync(join(base, path), text);
    };

    it(
      'names each forbidden edge and each circle across folders, and lets a circle within one folder be',
      { timeout: 60_000 },
      async () => {
        file(
          'reference/src/index.ts',
          "import { check } from '../../conformance/src/checks/c.ts';\nexport const reference = check;\n",
        );
        file(
          'conformance/src/checks/c.ts',
          "import { internal } from '../../../reference/src/internal/x.ts';\nexport const check = internal;\n",
        );
        file('reference/src/internal/x.ts', 'export const internal = 1;\n');
        file('broker/src/server.ts', "import type { Spec } from '../../specs/model.ts';\nexport type S = Spec;\n");
        file('specs/model.ts', 'export type Spec = { paths: object };\n');
        file(
          'generated/client.ts',
          "import { internal } from '../reference/src/internal/x.ts';\nexport const c = internal;\n",
        );
        file('reference/src/a/one.ts', "import { two } from '../b/two.ts';\nexport const one = () => two();\n");
        file('reference/src/b/two.ts', "import { one } from '../a/one.ts';\nexport const two = () => one();\n");
        file('reference/src/c/three.ts', "import { four } from './four.ts';\nexport const three = () => four();\n");
        file('reference/src/c/four.ts', "import { three } from './three.ts';\nexport const four = () => three();\n");
        file(
          'broker/test/kafka.test.ts',
          "import { up } from '../../scripts/testing/infra.ts';\nimport { bench } from '../../scripts/bench/run.ts';\nexport const t = [up, bench];\n",
        );
        file('scripts/testing/infra.ts', 'export const up = 1;\n');
        file('scripts/bench/run.ts', 'export const bench = 1;\n');
        file(
          'pact/consumer.ts',
          "import { internal } from '../reference/src/internal/x.ts';\nexport const p = internal;\n",
        );
        file('reference/src/uses-pact.ts', "import { p } from '../../pact/consumer.ts';\nexport const q = p;\n");

        const graph = await importGraph(base);
        expect(graph.forbidden).toEqual([
          'broker-imports-no-part: broker/src/server.ts → specs/model.ts',
          'conformance-source-never-imports-reference: conformance/src/checks/c.ts → reference/src/internal/x.ts',
          'generated-imports-nothing-hand-written: generated/client.ts → reference/src/internal/x.ts',
          'nothing-depends-on-pact: reference/src/uses-pact.ts → pact/consumer.ts',
          'reference-never-imports-conformance: reference/src/index.ts → conformance/src/checks/c.ts',
          'reference-never-imports-conformance: reference/src/uses-pact.ts → pact/consumer.ts',
          'tests-use-only-scripts-testing: broker/test/kafka.test.ts → scripts/bench/run.ts',
        ]);
        expect(graph.circles).toEqual(['reference/src/a/one.ts → reference/src/b/two.ts → reference/src/a/one.ts']);
        expect(graph.folderCircles).toEqual([
          'reference/src/c/four.ts → reference/src/c/three.ts → reference/src/c/four.ts',
        ]);
      },
    );
  });
});

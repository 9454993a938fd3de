// docs/problems.md, docs/defects.md and docs/spec-notes.md agree with the specs they describe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationsOf, rawDoc, readYaml, REPO_DIR, SERVICES, SPECS_DIR } from './helpers/openapi-docs.ts';

const read = (file: string) => readFileSync(join(REPO_DIR, file), 'utf8');
const problemsTable = new Map(
  [...read('docs/problems.md').matchAll(/^\| `([a-z0-9-]+)` \| (\d{3}) \| ([^|]+) \|/gm)].map((m) => [
    m[1]!,
    { status: Number(m[2]), title: m[3]!.trim() },
  ]),
);

/** Every problem example in the OpenAPI documents and shared components: {type, title, status}. */
function problemExamples(): { type: string; title: string; status: number }[] {
  const texts = [...SERVICES.map((s) => rawDoc(s)), readYaml(join(SPECS_DIR, 'openapi/components/problem.yaml'))];
  return texts.flatMap((doc) =>
    [
      ...JSON.stringify(doc).matchAll(
        /"example":\{"type":"(https:\/\/socialnet\.dev\/problems\/[^"]+)","title":"([^"]+)","status":(\d+)/g,
      ),
    ].map((m) => ({ type: m[1]!, title: m[2]!, status: Number(m[3]) })),
  );
}

describe('specs > docs', () => {
  it('docs/problems.md lists every problem type the specs show, with the same status and title', () => {
    const examples = problemExamples();
    expect(examples.length).toBeGreaterThan(10);
    for (const { type, title, status } of examples) {
      const slug = type.replace('https://socialnet.dev/problems/', '');
      expect(problemsTable.get(slug), slug).toEqual({ status, title });
    }
  });

  it('docs/defects.md maps all six defects to clauses that exist', () => {
    const { clauses } = readYaml(join(SPECS_DIR, 'clauses.yaml'));
    const rows = [...read('docs/defects.md').matchAll(/^\| (\d) \|[^|]+\| ([^|]+) \|/gm)];
    expect(rows.map((r) => r[1])).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const [, number, cell] of rows) {
      const ids = [...cell!.matchAll(/SN-[A-Z]+-[A-Z0-9-]+/g)].map((m) => m[0]);
      expect(ids.length, `defect ${number}`).toBeGreaterThan(0);
      expect(
        ids.filter((id) => !clauses[id]),
        `defect ${number}`,
      ).toEqual([]);
    }
  });

  it('docs/spec-notes.md documents every x- extension the OpenAPI documents use', () => {
    const notes = read('docs/spec-notes.md') + read('docs/spec-conventions.md');
    const used = new Set(
      SERVICES.flatMap((s) => [...JSON.stringify(rawDoc(s)).matchAll(/"(x-[a-z-]+)"/g)].map((m) => m[1]!)),
    );
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((ext) => !notes.includes(ext))).toEqual([]);
  });

  it('docs/spec-notes.md names the operationIds it says are kept off the gateway', () => {
    const offGateway = SERVICES.flatMap((s) => operationsOf(rawDoc(s), s))
      .filter((o) => o.operation['x-gateway'] === false && /Whoami$/.test(o.operation.operationId))
      .map((o) => o.operation.operationId);
    expect(offGateway).toHaveLength(6);
    const notes = read('docs/spec-notes.md');
    expect(offGateway.filter((id) => !notes.includes(id))).toEqual([]);
  });
});

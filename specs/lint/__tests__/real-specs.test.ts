// The committed specs pass their own lint: no error-severity finding in any document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintFiles, specFiles } from '../lint.ts';
import { RETRYABLE_OPERATIONS } from '../rules/sn-idempotency-required.ts';

describe('the real specs', () => {
  const files = specFiles();

  it('include OpenAPI and AsyncAPI documents', () => {
    expect(files.some((f) => f.endsWith('openapi/gateway.yaml'))).toBe(true);
    expect(files.some((f) => f.includes('/asyncapi/'))).toBe(true);
  });

  it('lint with no errors', async () => {
    const errors = (await lintFiles(files)).filter((d) => d.severity === 0);
    const described = errors.map(
      (d) => `${d.source}:${d.range.start.line + 1} ${d.code} ${d.path.join('.')}: ${d.message}`,
    );
    expect(described).toEqual([]);
  }, 120_000);

  it('name every retryable operation the idempotency rule expects (a renamed operation would escape the rule)', () => {
    const gateway = readFileSync(files.find((f) => f.endsWith('openapi/gateway.yaml')) as string, 'utf8');
    const ids = new Set(
      Object.values(
        (parse(gateway) as { paths: Record<string, Record<string, { operationId?: string }>> }).paths,
      ).flatMap((item) =>
        Object.values(item).flatMap((op) => (op && typeof op === 'object' && op.operationId ? [op.operationId] : [])),
      ),
    );
    expect(RETRYABLE_OPERATIONS.filter((id) => !ids.has(id))).toEqual([]);
  });
});

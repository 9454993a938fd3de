// The generated client compiles the calls a user writes: tsc (the compiler API, with the project's compiler options)
// over a small file that imports generated/ts-client. A field with a `default` may be left out of a request body, as
// the server fills it in; the server's types, which see the body after that, keep it present.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../sources.ts';

const dir = mkdtempSync(join(tmpdir(), 'sn-ts-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** tsc's diagnostics for one file, as `TS<code>: <message>` lines. */
function typecheck(name: string, source: string): string[] {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, source);
  const base = ts.parseConfigFileTextToJson(
    'tsconfig.base.json',
    readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8'),
  ).config;
  const { options } = ts.convertCompilerOptionsFromJson({ ...base.compilerOptions, types: [] }, ROOT);
  const program = ts.createProgram([file], options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const client = JSON.stringify(join(ROOT, 'generated/ts-client/index.ts'));
const serverTypes = JSON.stringify(join(ROOT, 'generated/server-types/index.ts'));

describe('generated/ts-client under tsc', () => {
  it('compiles request bodies that leave out the fields with a default (open, expiry_seconds, kind)', () => {
    const diagnostics = typecheck(
      'defaults-optional',
      `import { createSocialnetClient } from ${client};
import type { chats } from ${serverTypes};
const api = createSocialnetClient({ baseUrl: 'http://127.0.0.1:8080', token: 't' });
export const calls = () => [
  api.POST('/api/chats', { body: { name: 'x' } }),
  api.POST('/api/media/presign', { body: { file_name: 'a.png' } }),
  api.POST('/api/notifications/test', { body: { user_id: '1-abc', title: 't', body: 'b' } }),
];
// The service's handler sees the body after validation filled the default in: there the field is always present.
export const open = (body: chats.components['schemas']['CreateChatRequest']): boolean => body.open;
`,
    );
    expect(diagnostics).toEqual([]);
  });

  it('still refuses a body without a required field (TS2741), so the check above can fail', () => {
    const diagnostics = typecheck(
      'required-missing',
      `import { createSocialnetClient } from ${client};
const api = createSocialnetClient({ baseUrl: 'http://127.0.0.1:8080' });
export const call = () => api.POST('/api/chats', { body: { open: true } });
`,
    );
    expect(diagnostics.join('\n')).toMatch(/TS2741: Property 'name' is missing/);
  });
});

// The generated Go SDK compiles and passes go vet (Go modules come from scripts/generate/install-tools.sh).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT } from '../../generate.ts';
import { GO_MODULE, goGeneratorInput } from '../go-client.ts';

const run = promisify(execFile);
const dir = join(DEFAULT_OUT, 'go-client');

describe('generated/go-client', () => {
  it('is the module docs/generation.md tells Go teams to require', () => {
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toMatch(
      new RegExp(`^module ${GO_MODULE.replace(/\./g, '\\.')}$`, 'm'),
    );
  });

  it('builds and vets', async () => {
    const env = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' };
    await expect(run('go', ['build', './...'], { cwd: dir, env })).resolves.toBeDefined();
    await expect(run('go', ['vet', './...'], { cwd: dir, env })).resolves.toBeDefined();
  }, 240_000);

  it('has a typed operation per gateway operation, with bearer auth in the client', () => {
    const chats = readFileSync(join(dir, 'api_chats.go'), 'utf8');
    expect(chats).toMatch(/func \(a \*ChatsAPIService\) SendMessage\(/);
    expect(readFileSync(join(dir, 'client.go'), 'utf8')).toMatch(/ContextAccessToken/);
  });
});

describe('the Go generator input', () => {
  it('drops only the two constraints the go generator cannot compile', () => {
    const input = {
      id: { type: 'integer', format: 'int64', minimum: 1, maximum: 9223372036854775807 },
      page: { type: 'integer', minimum: 1, maximum: 100 },
      file: { type: 'string', format: 'binary', maxLength: 10485760 },
      text: { type: 'string', minLength: 1, maxLength: 4096 },
    };
    expect(goGeneratorInput(input)).toEqual({
      id: { type: 'integer', format: 'int64', minimum: 1 },
      page: { type: 'integer', minimum: 1, maximum: 100 },
      file: { type: 'string', format: 'binary' },
      text: { type: 'string', minLength: 1, maxLength: 4096 },
    });
  });
});

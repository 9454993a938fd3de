// The acceptance scenario, exactly: in a scratch git repository holding the real specs, commit the removal of the
// membership rule from sendMessage and run `spec:review --base HEAD~1`: exit 1, a security-weakening finding naming
// sendMessage, the rule and the spec line. Then a description-only edit: exit 0.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SPEC_PARTS } from '../corpus/corpus.ts';

const CLI = join(REPO_ROOT, 'specs/review/cli.ts');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const CHATS = 'specs/openapi/chats.yaml';
const RULE = `        - rule: chat-member
          resource: { in: body, name: chat_id }
          deny: 404
          clause: SN-AUTHZ-CHAT-MEMBER
          why: chat ids are sequential; 404 does not confirm that a chat exists
`;

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=spec-review test', '-c', 'user.email=test@socialnet.dev', ...args], {
    cwd: repo,
  });
/** Runs the CLI without blocking the test worker (a synchronous spawn would stall vitest's reporting). */
const review = () =>
  new Promise<{ status: number | null; stdout: string; json: any }>((done) => {
    // INIT_CWD is what npm sets; the CLI runs from the scratch repository as a user would
    const report = join(repo, 'reports/spec-review/spec-review.json');
    rmSync(report, { force: true });
    execFile(
      TSX,
      [CLI, '--base', 'HEAD~1'],
      { cwd: repo, env: { ...process.env, INIT_CWD: repo }, encoding: 'utf8', timeout: 280_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const json = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : { blocking: [], stderr };
        done({ status, stdout, json });
      },
    );
  });
const edit = (file: string, find: string, replace: string) => {
  const text = readFileSync(join(repo, file), 'utf8');
  expect(text.split(find)).toHaveLength(2);
  writeFileSync(
    join(repo, file),
    text.replace(find, () => replace),
  );
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'sn-spec-review-repo-'));
  for (const part of SPEC_PARTS) cpSync(join(REPO_ROOT, part), join(repo, part), { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'specs as they are');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run spec:review -- --base HEAD~1 in a scratch clone', () => {
  it('exits 1 with a security-weakening finding naming sendMessage, the rule and the spec line', async () => {
    const before = readFileSync(join(repo, CHATS), 'utf8');
    const ruleLine = before
      .slice(0, before.indexOf(RULE, before.indexOf('operationId: sendMessage\n')))
      .split('\n').length;
    edit(CHATS, `      x-authz:\n${RULE}      x-idempotency`, '      x-idempotency');
    git('commit', '-qam', 'sendMessage: drop the membership rule');

    const { status, stdout, json } = await review();
    expect(status).toBe(1);
    const finding = json.blocking.find((f: { id: string }) => f.id === 'sn-review-authz-loosened');
    expect(finding).toMatchObject({
      class: 'security-weakening',
      subject: 'sendMessage',
      clause: 'SN-AUTHZ-CHAT-MEMBER',
      base: { file: CHATS, line: ruleLine },
      head: { file: CHATS },
    });
    expect(finding.message).toContain('chat-member');
    expect(stdout).toContain(`\`${CHATS}:${ruleLine}\``);
    expect(stdout).toMatch(/security-weakening.*sn-review-authz-loosened.*sendMessage/);
    const sarif = JSON.parse(readFileSync(join(repo, 'reports/spec-review/spec-review.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toContainEqual(
      expect.objectContaining({ ruleId: 'socialnet/sn-review-authz-loosened', level: 'error' }),
    );
    expect(readFileSync(join(repo, 'reports/spec-review/spec-review.xml'), 'utf8')).toContain('<failure');
  }, 300_000);

  it('exits 0 for a description-only edit', async () => {
    edit(CHATS, 'The caller must be a member of `chat_id`', 'Only a member of `chat_id` may send');
    git('commit', '-qam', 'sendMessage: reword the description');
    const { status, json } = await review();
    expect(status).toBe(0);
    expect(json.blocking).toEqual([]);
    expect(json.verdict).toBe('non-breaking');
  }, 300_000);
});

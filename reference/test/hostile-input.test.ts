// Issue 11: input built to break a server, sent over raw sockets (net.Socket: nothing normalises the bytes) to the
// reference on its embedded defaults (PGlite, one process) and on real PostgreSQL with every service on its own port.
// Every answer: below 500, in the documented problem shape (a type of docs/problems.md, its status and title) when
// it is an error, within 10 s; the process is alive after (health and an ordinary request succeed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../src/index.ts';
import { loadSpec, operationsOf } from '../src/shared/spec/load-spec.ts';
import { withPostgres } from '../../scripts/testing/infra.ts';
import { hostileCorpus, parserRefusals, type HostileCase } from './support/hostile-corpus.ts';
import { documentedProblems, problemShapeError } from './support/problem-docs.ts';
import { rawHttp, sendRaw } from './support/raw-http.ts';
import { startTestPlatform, type Backend } from './support/targets.ts';
import { registerUser, type TestUser } from './support/users.ts';

const documented = documentedProblems();
const operations = operationsOf(await loadSpec('gateway.yaml'));
const NO_ANSWER_AFTER_MS = 10_000;

/** What is wrong with the answer to one case, or undefined. */
async function judge(url: string, c: HostileCase): Promise<string | undefined> {
  let response;
  try {
    response = await sendRaw(url, c.request, NO_ANSWER_AFTER_MS);
  } catch (error) {
    return (error as Error).message;
  }
  const body = (() => {
    try {
      return JSON.parse(response.text) as { errors?: { pointer: string }[] };
    } catch {
      return undefined;
    }
  })();
  if (response.status >= 500) return `${response.status} ${response.text.slice(0, 300)}`;
  if (c.status !== undefined && response.status !== c.status)
    return `${response.status} instead of ${c.status}: ${response.text.slice(0, 300)}`;
  if (response.status >= 400) {
    const shape = problemShapeError(response, documented);
    if (shape) return `${response.status}: ${shape}: ${response.text.slice(0, 200)}`;
  }
  if (c.pointer !== undefined) {
    const pointers = (body?.errors ?? []).map((e) => e.pointer);
    const found = pointers.some((p) => (typeof c.pointer === 'string' ? p === c.pointer : c.pointer!.test(p)));
    if (!found) return `errors ${JSON.stringify(pointers).slice(0, 200)} without ${String(c.pointer)}`;
  }
  return undefined;
}

async function failuresOf(url: string, cases: HostileCase[]): Promise<string[]> {
  const failures: string[] = [];
  for (const c of cases) {
    const failure = await judge(url, c);
    if (failure) failures.push(`${c.name}: ${failure}`);
  }
  return failures;
}

function hostileSuite(backend: Backend, adminUrl?: string): void {
  let platform: Platform;
  let user: TestUser;
  let cases: HostileCase[] = [];
  beforeAll(async () => {
    platform = await startTestPlatform(backend, adminUrl, { split: backend === 'postgres' });
    user = await registerUser(platform.baseUrl, 'hostile');
    const chat = await user.api.POST('/api/chats', { body: { name: 'hostile', open: false } });
    cases = hostileCorpus({ token: user.token, userId: user.userId, chatId: chat.data!.id, operations });
  }, 60_000);
  afterAll(() => platform?.close());

  const classes = [...new Set(hostileCorpus({ token: 't', userId: '1-a', chatId: 1, operations }).map((c) => c.class))];
  it.each(classes)(
    '%s: no 5xx, every error a documented problem, an answer within 10 s',
    async (name) => {
      const ofClass = cases.filter((c) => c.class === name);
      expect(ofClass.length).toBeGreaterThan(0);
      expect(await failuresOf(platform.baseUrl, ofClass)).toEqual([]);
    },
    300_000,
  );

  if (backend === 'postgres') {
    it('each split service answers its own parser refusals in the problem shape', async () => {
      const refusals = parserRefusals(cases);
      for (const [service, url] of Object.entries(platform.services)) {
        expect(await failuresOf(url, refusals), service).toEqual([]);
      }
    }, 300_000);
  }

  it('the process is alive after: health, an ordinary request, and no prototype polluted', async () => {
    const health = await sendRaw(platform.baseUrl, rawHttp('GET', '/healthz'));
    expect(health.status).toBe(200);
    const chat = await user.api.POST('/api/chats', { body: { name: 'after the corpus', open: false } });
    expect(chat.response.status).toBe(201);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).admin).toBeUndefined();
  });
}

describe('hostile input: the reference on embedded defaults (PGlite)', () => hostileSuite('pglite'));
withPostgres('hostile input: the reference on real PostgreSQL, split services', (adminUrl) =>
  hostileSuite('postgres', adminUrl),
);

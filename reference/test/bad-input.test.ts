import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../src/index.ts';
import { HTTP_METHODS, loadSpec, operationsOf, type OperationEntry } from '../src/shared/spec/load-spec.ts';
import { invalidRequestsFor } from './support/invalid-requests.ts';
import { startTestPlatform } from './support/targets.ts';
import { registerUser, type TestUser } from './support/users.ts';

// Every operation of the gateway document gets many generated invalid requests (malformed JSON, wrong types,
// oversized text and uploads, bad ids, bad pagination, unknown fields where forbidden, wrong media types and
// methods), with a valid token; each must get a 4xx problem+json, never a 5xx, a hang or a crash.
const gateway = await loadSpec('gateway.yaml');
const entries = operationsOf(gateway);
const methodsOn = (path: string) => HTTP_METHODS.filter((m) => gateway.paths[path]?.[m]).map((m) => m.toUpperCase());

let platform: Platform;
let user: TestUser;
beforeAll(async () => {
  platform = await startTestPlatform('pglite');
  user = await registerUser(platform.baseUrl, 'fuzz');
  // resource 1 of each kind exists and is the fuzzing user's, so invalid input also reaches past the authz rules
  const chat = await user.api.POST('/api/chats', { body: { name: 'fuzz', open: false } });
  await user.api.POST('/api/messages', { body: { chat_id: chat.data!.id, text: 'm' } });
  await user.api.POST('/api/posts', { body: { description: 'p' } });
  await user.api.POST('/api/feedback/posts/{post_id}/comments', {
    body: { text: 'c' },
    params: { path: { post_id: 1 } },
  });
});
afterAll(() => platform?.close());

describe('bad input never gets a 5xx (every operation)', () => {
  it('covers every operation of the gateway document', () => {
    expect(entries.length).toBeGreaterThan(50);
  });

  it.each(entries.map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as [string, OperationEntry]))(
    '%s',
    async (_name, entry) => {
      const cases = invalidRequestsFor(entry, user.userId, methodsOn(entry.path));
      expect(cases.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const c of cases) {
        const url = `${platform.baseUrl}${c.path}${c.query ? `?${c.query}` : ''}`;
        const response = await fetch(url, {
          method: c.method,
          headers: { Authorization: `Bearer ${user.token}`, ...c.headers },
          body: c.body as BodyInit | undefined,
        });
        const text = await response.text();
        const type = response.headers.get('content-type') ?? '';
        let body: { type?: string; status?: number; title?: string } = {};
        try {
          body = JSON.parse(text);
        } catch {
          // reported below
        }
        const ok =
          response.status >= 400 &&
          response.status < 500 &&
          (c.status === undefined || response.status === c.status) &&
          (response.status !== 405 || Boolean(response.headers.get('allow'))) &&
          type.startsWith('application/problem+json') &&
          body.status === response.status &&
          /^https:\/\/socialnet\.dev\/problems\/[a-z0-9-]+$/.test(body.type ?? '') &&
          Boolean(body.title);
        if (!ok)
          failures.push(
            `${c.why}: ${c.method} ${c.path}?${c.query ?? ''} → ${response.status} ${type} ${text.slice(0, 200)}`,
          );
      }
      expect(failures).toEqual([]);
    },
  );

  it('a secured operation without a token is 401 with WWW-Authenticate, before any validation', async () => {
    const secured = entries.filter((e) => (e.operation.security ?? []).length > 0);
    for (const e of secured) {
      const response = await fetch(`${platform.baseUrl}${e.path.replace(/\{[^}]+\}/g, 'x')}`, {
        method: e.method.toUpperCase(),
      });
      expect(response.status, `${e.method} ${e.path}`).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="socialnet"');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-idempotency-shape';
const AT = 'paths./chats/{chat_id}/messages.post.x-idempotency';

describe(RULE, () => {
  it('is silent on {header: Idempotency-Key, scope: caller, ttl: PT24H, required: false}', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it.each([
    ['a global (not per-caller) scope', { scope: 'global' }, `${AT}.scope`],
    ['a ttl that is not an ISO 8601 duration', { ttl: '24h' }, `${AT}.ttl`],
    ['another header name', { header: 'X-Request-Id' }, `${AT}.header`],
  ])('fires on %s', async (_name, patch, path) => {
    const doc = withChange((_d, send) => Object.assign(send['x-idempotency'], patch));
    const found = await lintWithRule(RULE, doc);
    expect(found.map(({ code, path: p }) => ({ code, path: p }))).toEqual([{ code: RULE, path }]);
  });
});

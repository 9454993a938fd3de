import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-bad-request-documented';
const message = 'Operation takes input (parameters or a body) but documents no 400 response.';

describe(RULE, () => {
  it('is silent when operations with input document 400 (operations without input need none)', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it('fires on an operation with a body and path parameters but no 400', async () => {
    const doc = withChange((_d, send) => delete (send.responses as Record<string, unknown>)['400']);
    expect(await lintWithRule(RULE, doc)).toEqual([
      { code: RULE, path: 'paths./chats/{chat_id}/messages.post.responses', message },
    ]);
  });

  it('fires on an operation whose only input is a query parameter', async () => {
    const doc = withChange(
      (_d, _s, health) => (health.parameters = [{ name: 'verbose', in: 'query', schema: { type: 'boolean' } }]),
    );
    expect(await lintWithRule(RULE, doc)).toEqual([{ code: RULE, path: 'paths./health.get.responses', message }]);
  });
});

import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-authz-deny-documented';

describe(RULE, () => {
  it('is silent when the deny status is a documented response', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it('fires when the 404 an x-authz rule denies with is not documented', async () => {
    const doc = withChange((_d, send) => delete (send.responses as Record<string, unknown>)['404']);
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: 'paths./chats/{chat_id}/messages.post.x-authz.0.deny',
        message: 'x-authz rule `chat-member` denies with 404, but the operation documents no 404 response.',
      },
    ]);
  });
});

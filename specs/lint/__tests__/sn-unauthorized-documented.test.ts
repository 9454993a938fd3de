import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-unauthorized-documented';
const SEND = 'paths./chats/{chat_id}/messages.post';

describe(RULE, () => {
  it('is silent when secured operations document 401 with WWW-Authenticate (public ones need none)', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it('fires on a secured operation without 401', async () => {
    const doc = withChange((_d, send) => delete (send.responses as Record<string, unknown>)['401']);
    expect(await lintWithRule(RULE, doc)).toEqual([
      { code: RULE, path: `${SEND}.responses`, message: 'Secured operation documents no 401 response.' },
    ]);
  });

  it('fires on a 401 without the WWW-Authenticate header', async () => {
    const doc = withChange((_d, send) => delete (send.responses['401'] as Record<string, unknown>).headers);
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: `${SEND}.responses.401`,
        message: 'The 401 response lacks the `WWW-Authenticate` header (RFC 6750 §3).',
      },
    ]);
  });
});

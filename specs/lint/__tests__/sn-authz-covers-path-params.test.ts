import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-authz-covers-path-params';
const SEND = 'paths./chats/{chat_id}/messages.post';

describe(RULE, () => {
  it('is silent when the path parameter is the resource of an x-authz rule', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it('is silent when a composite resource (message-in-chat) names the parameters', async () => {
    const doc = withChange((_d, send) => {
      send['x-authz'] = [
        {
          rule: 'message-in-chat',
          resource: { message: { in: 'body', name: 'id' }, chat: { in: 'path', name: 'chat_id' } },
        },
      ];
    });
    expect(await lintWithRule(RULE, doc)).toEqual([]);
  });

  it('fires when the x-authz rules name no path parameter (the resource reaches the handler unchecked)', async () => {
    const doc = withChange(
      (_d, send) => (send['x-authz'] = [{ rule: 'authenticated', clause: 'SN-AUTHZ-AUTHENTICATED' }]),
    );
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: `${SEND}.x-authz`,
        message:
          'Path parameter `chat_id` is not the resource of any `x-authz` rule: name it (`resource: {in: path, name: chat_id}`), with `authenticated` if any user may use it.',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-authz-declared';
const SEND = 'paths./chats/{chat_id}/messages.post';
const message =
  'Secured operation has no `x-authz` rule: say who may call it (e.g. `authenticated`, `self`, `chat-member`).';

describe(RULE, () => {
  it('is silent when every secured operation has x-authz (public ones need none)', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it('fires on a secured operation without x-authz', async () => {
    const doc = withChange((_d, send) => delete send['x-authz']);
    expect(await lintWithRule(RULE, doc)).toEqual([{ code: RULE, path: SEND, message }]);
  });

  it('fires on an empty x-authz list', async () => {
    const doc = withChange((_d, send) => (send['x-authz'] = []));
    expect(await lintWithRule(RULE, doc)).toEqual([{ code: RULE, path: `${SEND}.x-authz`, message }]);
  });
});

import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-operation-security-declared';
const SEND = 'paths./chats/{chat_id}/messages.post';

describe(RULE, () => {
  it('is silent on a secured operation and on a public one with a reason', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it.each([
    [
      'neither security nor x-public',
      withChange((_d, send) => delete send.security),
      SEND,
      'Operation declares neither `security` nor `x-public`: add `security: [{bearerAuth: []}]`, or `security: []` with `x-public: {reason: ...}`.',
    ],
    [
      'security: [] without x-public',
      withChange((_d, _s, health) => delete health['x-public']),
      'paths./health.get.security',
      'Public operation (`security: []`) lacks `x-public: {reason: ...}` saying why it needs no token.',
    ],
    [
      'x-public with an empty reason',
      withChange((_d, _s, health) => (health['x-public'] = { reason: ' ' })),
      'paths./health.get.x-public',
      'Public operation (`security: []`) lacks `x-public: {reason: ...}` saying why it needs no token.',
    ],
    [
      'a scheme other than bearerAuth',
      withChange((_d, send) => (send.security = [{ apiKey: [] }])),
      `${SEND}.security`,
      'Only the `bearerAuth` scheme is allowed, found `apiKey`.',
    ],
    [
      'secured and marked public',
      withChange((_d, send) => (send['x-public'] = { reason: 'x' })),
      `${SEND}.x-public`,
      'A secured operation must not carry `x-public`.',
    ],
  ])('fires on %s', async (_name, doc, path, message) => {
    expect(await lintWithRule(RULE, doc)).toEqual([{ code: RULE, path, message }]);
  });
});

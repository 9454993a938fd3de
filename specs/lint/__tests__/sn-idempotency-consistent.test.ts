import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-idempotency-consistent';
const SEND = 'paths./chats/{chat_id}/messages.post';

describe(RULE, () => {
  it('is silent when the key header, 409 and 422 are all there', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it('fires when x-idempotency is declared but the header parameter is missing', async () => {
    const doc = withChange((_d, send) => (send.parameters = []));
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: `${SEND}.x-idempotency`,
        message: 'x-idempotency names the `Idempotency-Key` header, but the operation has no such header parameter.',
      },
    ]);
  });

  it('fires on an unbounded key header', async () => {
    const doc = withChange((_d, send) => (send.parameters[0]!.schema = { type: 'string', minLength: 1 } as never));
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: `${SEND}.parameters`,
        message: 'The `Idempotency-Key` header must allow 1–255 characters (minLength 1, maxLength 255).',
      },
    ]);
  });

  it('fires when 409 and 422 are not documented', async () => {
    const doc = withChange((_d, send) => {
      delete (send.responses as Record<string, unknown>)['409'];
      delete (send.responses as Record<string, unknown>)['422'];
    });
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: `${SEND}.responses`,
        message: 'Idempotent operation documents no 409 response (duplicate in flight).',
      },
      {
        code: RULE,
        path: `${SEND}.responses`,
        message: 'Idempotent operation documents no 422 response (key reused with another body).',
      },
    ]);
  });
});

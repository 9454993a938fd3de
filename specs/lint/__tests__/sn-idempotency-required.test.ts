import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-idempotency-required';

describe(RULE, () => {
  it('is silent when the retryable operation declares x-idempotency (other operations need none)', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it('fires on a retryable unsafe operation (sendMessage) without x-idempotency', async () => {
    const doc = withChange((_d, send) => delete send['x-idempotency']);
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: 'paths./chats/{chat_id}/messages.post',
        message:
          '`sendMessage` is a retryable unsafe operation and must declare `x-idempotency` with the `Idempotency-Key` header.',
      },
    ]);
  });
});

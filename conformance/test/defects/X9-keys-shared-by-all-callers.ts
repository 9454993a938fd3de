import type { PlatformVariant, ServiceName } from '@socialnet/reference';
import { defineDefect } from './fixture.ts';
import { referenceHandler, type Handler } from './wrap-handler.ts';

/** The operations with `x-idempotency` whose handlers this fixture wraps. */
const KEYED: Array<[ServiceName, string]> = [
  ['posts', 'createPost'],
  ['chats', 'sendMessage'],
  ['feedback', 'createComment'],
];

/**
 * Not a review defect: a mutation that proves authz.idempotency-key-scope. Besides the reference's own per-caller
 * store, each keyed handler remembers its successful answers by Idempotency-Key alone, so a second user who sends a
 * key the first one used gets the first one's stored answer (a key store shared by every caller).
 */
function sharedKeyStore(original: Handler): Handler {
  const answers = new Map<string, Awaited<ReturnType<Handler>>>();
  return async (ctx) => {
    const key = ctx.headers['idempotency-key'];
    if (typeof key !== 'string') return original(ctx);
    const stored = answers.get(key);
    if (stored) return stored;
    const result = await original(ctx);
    if (result.status < 300 && !result.raw) answers.set(key, result);
    return result;
  };
}

const handlers: NonNullable<PlatformVariant['handlers']> = {};
for (const [service, operationId] of KEYED) {
  handlers[service] = { ...handlers[service], [operationId]: sharedKeyStore(referenceHandler(service, operationId)) };
}

export default defineDefect({
  id: 'X9',
  slug: 'keys-shared-by-all-callers',
  reproduces:
    "a mutation: Idempotency-Key answers stored by key alone, so another caller with the same key gets the first caller's answer",
  variant: { handlers },
});

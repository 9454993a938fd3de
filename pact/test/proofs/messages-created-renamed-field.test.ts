import { describe, expect, it } from 'vitest';
import { verifyPacts } from '../../../conformance/src/pact/verify.ts';
import { referenceProducers, type ProducerVariant } from '../support/message-producers.ts';

/** A provider variant: chats renames `recipient_ids` to `recipients` in messages.created (a "harmless" refactor). */
const renamesRecipients: ProducerVariant = {
  transformEvent: (event) => {
    if (event.topic !== 'messages.created') return event;
    const { recipient_ids: recipients, ...rest } = event.payload;
    return { ...event, payload: { ...rest, recipients } };
  },
};

/** Another: the key is no longer the chat id (the original wrote `chat:<id>`). */
const prefixesKey: ProducerVariant = { transformEvent: (event) => ({ ...event, key: `chat:${event.key}` }) };

describe('the notifications ← chats message pact against provider variants', () => {
  it('fails when chats renames a field of messages.created, naming the field', async () => {
    const report = await verifyPacts({
      provider: 'chats',
      producers: referenceProducers(renamesRecipients).chats,
      kind: 'message',
      providerVersion: 'renamed',
    });
    const [pact] = report.pacts;
    expect(pact).toMatchObject({ consumer: 'notifications', provider: 'chats', status: 'fail' });
    expect(pact!.interactions[0]!.mismatches.join('\n')).toMatch(/recipient_ids/);
  });

  it('fails when the record key is not the chat id (metadata is verified, not only the payload)', async () => {
    const report = await verifyPacts({
      provider: 'chats',
      producers: referenceProducers(prefixesKey).chats,
      kind: 'message',
      providerVersion: 'prefixed-key',
    });
    expect(report.pacts[0]!.status).toBe('fail');
    expect(report.pacts[0]!.interactions[0]!.mismatches.join('\n')).toMatch(/key/);
  });

  it('passes with the reference’s producer (no false positive)', async () => {
    const report = await verifyPacts({
      provider: 'chats',
      producers: referenceProducers().chats,
      kind: 'message',
      providerVersion: 'reference',
    });
    expect(report.pacts.map((p) => p.status)).toEqual(['pass']);
  });
});

import { Verifier } from '@pact-foundation/pact';
import type { PactFile } from './pact-files.ts';
import type { InteractionResult } from './results.ts';
import { mismatchesByInteraction } from './verifier-output.ts';

/** A Kafka record as a producer would publish it: key, value (the JSON payload) and text headers. */
export interface ProducedRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Produces the record a message interaction describes, given the interaction's provider states. */
export type MessageProducer = (states: string[]) => Promise<ProducedRecord>;

export interface MessageVerifyOptions {
  /** By interaction description, as Pact's `messageProviders`. */
  producers: Record<string, MessageProducer>;
  providerVersion: string;
}

/**
 * Verifies a message pact against the provider's producer code: Pact's verifier asks for each described message,
 * the producer builds the record, and the payload is compared with the pact's contents, the key and headers with
 * its metadata (key → `key`, each header under its own name).
 */
export async function verifyMessagePact(pact: PactFile, o: MessageVerifyOptions): Promise<InteractionResult[]> {
  const messageProviders = Object.fromEntries(
    Object.entries(o.producers).map(([description, produce]) => [
      description,
      async (descriptor: { providerStates?: { name: string }[] }) => {
        const record = await produce((descriptor.providerStates ?? []).map((s) => s.name));
        // the shape pact-js's providerWithMetadata builds: the metadata travels beside the message
        return { __pactMessageMetadata: { key: record.key, ...record.headers }, message: JSON.parse(record.value) };
      },
    ]),
  );
  let output: string;
  try {
    output = await new Verifier({
      provider: pact.provider,
      pactUrls: [pact.path],
      providerVersion: o.providerVersion,
      messageProviders: messageProviders as never,
      logLevel: 'error',
    }).verifyProvider();
  } catch (error) {
    output = (error as Error).message;
  }
  const failures = mismatchesByInteraction(
    output,
    pact.interactions.map((i) => i.description),
  );
  return pact.interactions.map((i) => {
    const missing = o.producers[i.description] ? [] : [`no producer for the message "${i.description}"`];
    const mismatches = [...missing, ...(failures.get(i.description) ?? []), ...(failures.get('*') ?? [])];
    return {
      description: i.description,
      states: (i.providerStates ?? []).map((s) => s.name),
      status: mismatches.length ? 'fail' : 'pass',
      mismatches,
      specFindings: [],
    };
  });
}

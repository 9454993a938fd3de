// Broker > produce validation on the wire (the same sequence runs against Apache Kafka in differential.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { produceErrors } from './scenarios/produce-errors.ts';

describe('Broker > produce validation', () => {
  let broker: BrokerHandle;
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(() => broker.close());

  it('answers each bad produce with the code Kafka uses, and de-duplicates sequence retries', async () => {
    expect(await produceErrors(broker.brokers)).toEqual({
      ok: [0, 0],
      unknownTopic: [3, -1],
      unknownPartition: [3, -1],
      badCrc: [2, -1],
      twoBatches: [87, -1],
      magic1: [87, -1],
      acks2: [21, -1],
      emptyRecords: [87, -1],
      tooLarge: [10, -1],
      twoHoursAhead: [32, -1],
      year1970: [0, 2],
      newProducerSeq5: [0, 3],
      producerSeq0: [0, 4],
      sequenceGap: [45, -1],
      nextSequence: [0, 5],
      retryOfLast: [0, 5],
      retryOfEarlier: [0, 4],
    });
  });
});

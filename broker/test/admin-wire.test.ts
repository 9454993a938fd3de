// Broker > admin requests on the wire (the same sequence runs against Apache Kafka in differential.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { adminWire } from './scenarios/admin-wire.ts';

describe('Broker > admin requests on the wire', () => {
  let broker: BrokerHandle;
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(() => broker.close());

  it("applies Kafka's topic-name, duplicate, assignment and validate_only rules", async () => {
    expect(await adminWire(broker.brokers)).toEqual({
      nameDot: [17],
      name249Chars: [0],
      name250Chars: [17],
      nameWithSlash: [17],
      sameNameTwice: [42],
      assignmentsAndCount: [42],
      assignmentsOnly: [0],
      assignedPartitions: 2,
      validateOnlyExisting: [36],
      replicationMinus2: [38],
      unknownConfigName: [40],
      knownConfigName: [0],
      metadataInvalidName: 17,
      deleteTwiceAndMissing: [
        ['missing', 3],
        ['twice', 42],
      ],
      createPartitionsMissing: [3],
      findCoordinatorBadKeyType: 42,
    });
  });
});

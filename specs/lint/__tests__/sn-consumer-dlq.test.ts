import { describe, expect, it } from 'vitest';
import { goodAsyncApi } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-consumer-dlq';

describe(RULE, () => {
  it('is silent when the consumer declares a DLQ it publishes to (its retry level is covered by it)', async () => {
    expect(await lintWithRule(RULE, goodAsyncApi())).toEqual([]);
  });

  it('fires on a consumed topic without a dead-letter topic', async () => {
    const doc = goodAsyncApi();
    delete (
      doc.operations.receivePostCreated['x-consumer'] as Partial<
        (typeof doc.operations.receivePostCreated)['x-consumer']
      >
    ).dlq;
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: 'operations.receivePostCreated',
        message:
          'Consumed channel `postsCreated` (operation `receivePostCreated`) has no dead-letter topic: declare `x-consumer.dlq` with its channel.',
      },
      {
        code: RULE,
        path: 'operations.receivePostCreatedRetry1',
        message:
          'Consumed channel `feedPostsCreatedRetry1` (operation `receivePostCreatedRetry1`) has no dead-letter topic: declare `x-consumer.dlq` with its channel.',
      },
    ]);
  });

  it('fires when the DLQ names a channel that does not exist', async () => {
    const doc = goodAsyncApi();
    doc.operations.receivePostCreated['x-consumer'].dlq.channel = 'feedPostsCreatedDeadLetters';
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: 'operations.receivePostCreated.x-consumer.dlq.channel',
        message: 'x-consumer.dlq.channel `feedPostsCreatedDeadLetters` is not a channel of this document.',
      },
    ]);
  });

  it('fires when nothing publishes to the DLQ', async () => {
    const doc = goodAsyncApi();
    delete (doc.operations as Partial<typeof doc.operations>).sendPostCreatedDeadLetter;
    expect(await lintWithRule(RULE, doc)).toEqual([
      {
        code: RULE,
        path: 'operations.receivePostCreated.x-consumer.dlq.channel',
        message: 'No `send` operation publishes to the dead-letter channel `feedPostsCreatedDlq`.',
      },
    ]);
  });
});

/**
 * The event topology rules that a schema validator cannot see: every consumed topic has, per consumer group, its
 * retry chain and its dead-letter topic, named as `components/dlq.yaml` says, with send and receive operations.
 * Input is an AsyncAPI 3 document as plain JSON, parsed or dereferenced (`document.json()` of @asyncapi/parser),
 * read through the spec model (specs/model).
 */
import { asyncOperationsOf, isRetryOrDlqTopic, type Json } from '../model/index.ts';

export interface TopologyProblem {
  path: string;
  message: string;
}

/** Channel addresses that some operation receives from and that are not themselves retry or dead-letter topics. */
export function consumedTopics(doc: Json): string[] {
  const addresses = asyncOperationsOf(doc)
    .filter((op) => op.action === 'receive' && op.topic && !isRetryOrDlqTopic(op.topic))
    .map((op) => op.topic as string);
  return [...new Set(addresses)];
}

export function checkConsumerTopology(doc: Json): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  const channels: Record<string, { address?: string }> = doc?.channels ?? {};
  const operations = asyncOperationsOf(doc);
  const opsOn = (address: string, action: 'send' | 'receive') =>
    operations.filter((op) => op.action === action && op.topic === address);

  for (const op of operations) {
    const topic = op.topic;
    if (op.action !== 'receive' || !topic || isRetryOrDlqTopic(topic)) continue;
    const path = `${op.pointer}/x-consumer`;
    const consumer = op.consumer;
    if (!consumer?.group) {
      problems.push({ path, message: `consumed topic ${topic} has no x-consumer with a group` });
      continue;
    }
    const group = consumer.group;
    if (consumer.idempotencyKey?.in !== 'header' || consumer.idempotencyKey.name !== 'ce_id') {
      problems.push({
        path: `${path}/idempotencyKey`,
        message: `${group} on ${topic} must deduplicate on header ce_id`,
      });
    }

    const dlqTopic = `${group}.${topic}.dlq`;
    const dlqChannel = consumer.dlq?.channel;
    if (!dlqChannel || channels[dlqChannel]?.address !== dlqTopic || consumer.dlq?.topic !== dlqTopic) {
      problems.push({
        path: `${path}/dlq`,
        message: `consumed topic ${topic} has no DLQ channel ${dlqTopic} for group ${group}`,
      });
    } else if (opsOn(dlqTopic, 'send').length === 0) {
      problems.push({ path: `${path}/dlq`, message: `no send operation on the DLQ ${dlqTopic}` });
    }
    if (consumer.dlq?.headersProfile !== 'socialnet-dlq-v1') {
      problems.push({
        path: `${path}/dlq/headersProfile`,
        message: 'the DLQ must name its header profile (socialnet-dlq-v1)',
      });
    }

    const retry = consumer.retry;
    const delays = retry?.backoff?.delaysMs ?? [];
    if (delays.length === 0 || retry?.channels?.length !== delays.length) {
      problems.push({
        path: `${path}/retry`,
        message: `consumed topic ${topic} has no retry chain (one channel per backoff delay)`,
      });
      continue;
    }
    retry.channels.forEach((channelId, index) => {
      const expected = `${group}.${topic}.retry.${index + 1}`;
      if (channels[channelId]?.address !== expected || retry.topics?.[index] !== expected) {
        problems.push({
          path: `${path}/retry/channels/${index}`,
          message: `retry level ${index + 1} must be channel ${expected}`,
        });
      } else if (opsOn(expected, 'send').length === 0 || opsOn(expected, 'receive').length === 0) {
        problems.push({
          path: `${path}/retry/channels/${index}`,
          message: `retry topic ${expected} needs a send and a receive operation`,
        });
      }
    });
    if (retry.headersProfile !== 'socialnet-retry-v1') {
      problems.push({
        path: `${path}/retry/headersProfile`,
        message: 'the retry chain must name its header profile (socialnet-retry-v1)',
      });
    }
  }
  return problems;
}

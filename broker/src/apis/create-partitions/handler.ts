// CreatePartitions: grows a topic; the new count must be larger than the current one.
import { code } from '../../errors.ts';
import { defineApi } from '../api.ts';
import { type CreatePartitionsRequest, type CreatePartitionsResponse, request, response } from './schema.ts';

export default defineApi<CreatePartitionsRequest, CreatePartitionsResponse>({
  name: 'CreatePartitions',
  minVersion: 0,
  maxVersion: 1,
  request,
  response,
  handle(req, ctx) {
    const topics = ctx.broker.topics;
    return {
      results: req.topics.map(({ name, count }) => {
        const topic = topics.get(name);
        if (!topic)
          return {
            name,
            errorCode: code.UNKNOWN_TOPIC_OR_PARTITION,
            errorMessage: `The topic '${name}' does not exist.`,
          };
        const current = topic.partitions.length;
        if (count <= current) {
          const errorMessage = `Topic currently has ${current} partitions, ${count} would not be an increase.`;
          return { name, errorCode: code.INVALID_PARTITIONS, errorMessage };
        }
        if (!req.validateOnly) topics.addPartitions(name, count);
        return { name, errorCode: 0, errorMessage: null };
      }),
    };
  },
  fail: (req, errorCode) => ({ results: req.topics.map((t) => ({ name: t.name, errorCode, errorMessage: null })) }),
});

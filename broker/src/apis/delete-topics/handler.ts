// DeleteTopics: removes the log, the committed offsets of every group and the producer state.
import { code } from '../../errors.ts';
import { defineApi } from '../api.ts';
import { type DeleteTopicsRequest, type DeleteTopicsResponse, request, response } from './schema.ts';

export default defineApi<DeleteTopicsRequest, DeleteTopicsResponse>({
  name: 'DeleteTopics',
  minVersion: 0,
  maxVersion: 1,
  request,
  response,
  handle(req, ctx) {
    const { topics, groups, producers } = ctx.broker;
    const names = [...new Set(req.topicNames)];
    const repeated = (name: string) => req.topicNames.indexOf(name) !== req.topicNames.lastIndexOf(name);
    return {
      // A name given twice is answered once, with INVALID_REQUEST, and not deleted (as Kafka does).
      responses: names.map((name) => {
        if (repeated(name)) return { name, errorCode: code.INVALID_REQUEST };
        if (!topics.delete(name)) return { name, errorCode: code.UNKNOWN_TOPIC_OR_PARTITION };
        groups.forgetTopic(name);
        producers.forgetTopic(name);
        return { name, errorCode: 0 };
      }),
    };
  },
  fail: (req, errorCode) => ({ responses: req.topicNames.map((name) => ({ name, errorCode })) }),
});

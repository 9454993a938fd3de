// InitProducerId: a fresh id for idempotent producers. Transactions are declined with a non-retriable
// error, so transactional clients fail fast instead of retrying.
import { code } from '../../errors.ts';
import { defineApi } from '../api.ts';
import { type InitProducerIdRequest, type InitProducerIdResponse, request, response } from './schema.ts';

export default defineApi<InitProducerIdRequest, InitProducerIdResponse>({
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 1,
  request,
  response,
  handle(req, ctx) {
    if (req.transactionalId !== null) {
      return { errorCode: code.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, producerId: -1, producerEpoch: -1 };
    }
    return { errorCode: 0, ...ctx.broker.producers.initProducerId() };
  },
  fail: (_req, errorCode) => ({ errorCode, producerId: -1, producerEpoch: -1 }),
});

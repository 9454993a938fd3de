// InitProducerId (key 22), versions 0-1 (v1 = v0). v2 is flexible and not offered.
import { field } from '../../wire/schema.ts';

export const request = [field('transactionalId', 'nullableString'), field('transactionTimeoutMs', 'int32')];

export const response = [
  field('throttleTimeMs', 'int32'),
  field('errorCode', 'int16'),
  field('producerId', 'int64', '0+', -1),
  field('producerEpoch', 'int16', '0+', -1),
];

export interface InitProducerIdRequest {
  transactionalId: string | null;
  transactionTimeoutMs: number;
}

export interface InitProducerIdResponse {
  errorCode: number;
  producerId: number;
  producerEpoch: number;
}

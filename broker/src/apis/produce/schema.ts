// Produce (key 0), versions 3-7: magic-v2 record batches only, so headers are never dropped.
//   v3 adds transactional_id; v5 adds log_start_offset to the response; v4, v6, v7 change semantics only.
//   Response: throttle_time_ms comes LAST (v1+), unlike most APIs.
import { array, field } from '../../wire/schema.ts';

export const request = [
  field('transactionalId', 'nullableString', '3+'),
  field('acks', 'int16'),
  field('timeoutMs', 'int32'),
  field(
    'topics',
    array([
      field('name', 'string'),
      field('partitions', array([field('index', 'int32'), field('records', 'nullableBytes')])),
    ]),
  ),
];

export const response = [
  field(
    'responses',
    array([
      field('name', 'string'),
      field(
        'partitions',
        array([
          field('index', 'int32'),
          field('errorCode', 'int16'),
          field('baseOffset', 'int64', '0+', -1),
          field('logAppendTimeMs', 'int64', '2+', -1),
          field('logStartOffset', 'int64', '5+', -1),
        ]),
      ),
    ]),
  ),
  field('throttleTimeMs', 'int32', '1+'),
];

export interface ProduceRequest {
  transactionalId: string | null;
  acks: number;
  timeoutMs: number;
  topics: { name: string; partitions: { index: number; records: Buffer | null }[] }[];
}

export interface PartitionProduceResponse {
  index: number;
  errorCode: number;
  baseOffset: number;
  logStartOffset?: number;
}

export interface ProduceResponse {
  responses: { name: string; partitions: PartitionProduceResponse[] }[];
}

// JoinGroup (key 11), versions 0-5. v1 rebalance_timeout_ms; v2 throttle; v4 = v3 layout but
// MEMBER_ID_REQUIRED (KIP-394) may be returned; v5 group_instance_id (request and each member).
import { array, field } from '../../wire/schema.ts';

export const request = [
  field('groupId', 'string'),
  field('sessionTimeoutMs', 'int32'),
  field('rebalanceTimeoutMs', 'int32', '1+', -1),
  field('memberId', 'string'),
  field('groupInstanceId', 'nullableString', '5+'),
  field('protocolType', 'string'),
  field('protocols', array([field('name', 'string'), field('metadata', 'bytes')])),
];

export const response = [
  field('throttleTimeMs', 'int32', '2+'),
  field('errorCode', 'int16'),
  field('generationId', 'int32', '0+', -1),
  field('protocolName', 'string'),
  field('leader', 'string'),
  field('memberId', 'string'),
  field(
    'members',
    array([field('memberId', 'string'), field('groupInstanceId', 'nullableString', '5+'), field('metadata', 'bytes')]),
  ),
];

export interface JoinGroupRequest {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: { name: string; metadata: Buffer }[];
}

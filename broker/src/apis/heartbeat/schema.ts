// Heartbeat (key 12), versions 0-3. v1 throttle; v3 group_instance_id.
import { field } from '../../wire/schema.ts';

export const request = [
  field('groupId', 'string'),
  field('generationId', 'int32'),
  field('memberId', 'string'),
  field('groupInstanceId', 'nullableString', '3+'),
];

export const response = [field('throttleTimeMs', 'int32', '1+'), field('errorCode', 'int16')];

export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

export interface HeartbeatResponse {
  errorCode: number;
}

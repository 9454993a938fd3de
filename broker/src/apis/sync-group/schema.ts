// SyncGroup (key 14), versions 0-3. v1 throttle; v3 group_instance_id.
import { array, field } from '../../wire/schema.ts';

export const request = [
  field('groupId', 'string'),
  field('generationId', 'int32'),
  field('memberId', 'string'),
  field('groupInstanceId', 'nullableString', '3+'),
  field('assignments', array([field('memberId', 'string'), field('assignment', 'bytes')])),
];

export const response = [
  field('throttleTimeMs', 'int32', '1+'),
  field('errorCode', 'int16'),
  field('assignment', 'bytes'),
];

export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  assignments: { memberId: string; assignment: Buffer }[];
}

// LeaveGroup (key 13), versions 0-3. v1 throttle; v3 replaces member_id with a list of members
// and answers per member.
import { array, field } from '../../wire/schema.ts';

const member = [field('memberId', 'string'), field('groupInstanceId', 'nullableString')];

export const request = [
  field('groupId', 'string'),
  field('memberId', 'string', '0-2'),
  field('members', array(member), '3+'),
];

export const response = [
  field('throttleTimeMs', 'int32', '1+'),
  field('errorCode', 'int16'),
  field('members', array([...member, field('errorCode', 'int16')]), '3+'),
];

export interface LeaveGroupRequest {
  groupId: string;
  memberId: string;
  members: { memberId: string; groupInstanceId: string | null }[];
}

export interface LeaveGroupResponse {
  errorCode: number;
  members: { memberId: string; groupInstanceId: string | null; errorCode: number }[];
}

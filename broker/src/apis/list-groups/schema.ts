// ListGroups (key 16), versions 0-2. v1 throttle; v2 = v1.
import { array, field } from '../../wire/schema.ts';

export const request = [];

export const response = [
  field('throttleTimeMs', 'int32', '1+'),
  field('errorCode', 'int16'),
  field('groups', array([field('groupId', 'string'), field('protocolType', 'string')])),
];

export interface ListGroupsResponse {
  errorCode: number;
  groups: { groupId: string; protocolType: string }[];
}

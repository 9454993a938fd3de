// DeleteGroups (key 42), versions 0-1. v1 = v0.
import { array, field } from '../../wire/schema.ts';

export const request = [field('groupsNames', array('string'))];

export const response = [
  field('throttleTimeMs', 'int32'),
  field('results', array([field('groupId', 'string'), field('errorCode', 'int16')])),
];

export interface DeleteGroupsRequest {
  groupsNames: string[];
}

export interface DeleteGroupsResponse {
  results: { groupId: string; errorCode: number }[];
}

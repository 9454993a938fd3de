// DescribeGroups (key 15), versions 0-2. v1 throttle; v2 = v1.
import { array, field } from '../../wire/schema.ts';

export const request = [field('groups', array('string'))];

export const response = [
  field('throttleTimeMs', 'int32', '1+'),
  field(
    'groups',
    array([
      field('errorCode', 'int16'),
      field('groupId', 'string'),
      field('groupState', 'string'),
      field('protocolType', 'string'),
      field('protocolData', 'string'),
      field(
        'members',
        array([
          field('memberId', 'string'),
          field('clientId', 'string'),
          field('clientHost', 'string'),
          field('memberMetadata', 'bytes'),
          field('memberAssignment', 'bytes'),
        ]),
      ),
    ]),
  ),
];

export interface DescribeGroupsRequest {
  groups: string[];
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  groupState: string;
  protocolType: string;
  protocolData: string;
  members: {
    memberId: string;
    clientId: string;
    clientHost: string;
    memberMetadata: Buffer;
    memberAssignment: Buffer;
  }[];
}

export interface DescribeGroupsResponse {
  groups: DescribedGroup[];
}

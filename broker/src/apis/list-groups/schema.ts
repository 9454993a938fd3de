// ListGroups (key 16), versions 0-5. v1 throttle; v2 = v1; v3 flexible; v4 states filter and group state
// (KIP-518); v5 types filter and group type (KIP-848).
import { array, field } from '../../wire/schema.ts';

/** The first flexible version. */
export const flexibleFrom = 3;

export const request = [field('statesFilter', array('string'), '4+'), field('typesFilter', array('string'), '5+')];

export const response = [
  field('throttleTimeMs', 'int32', '1+'),
  field('errorCode', 'int16'),
  field(
    'groups',
    array([
      field('groupId', 'string'),
      field('protocolType', 'string'),
      field('groupState', 'string', '4+'),
      field('groupType', 'string', '5+'),
    ]),
  ),
];

export interface ListGroupsRequest {
  statesFilter: string[];
  typesFilter: string[];
}

export interface ListGroupsResponse {
  errorCode: number;
  groups: { groupId: string; protocolType: string; groupState: string; groupType: string }[];
}

// ListGroups: every group the coordinator knows, including Empty ones that only hold offsets.
import { defineApi } from '../api.ts';
import { type ListGroupsResponse, request, response } from './schema.ts';

export default defineApi<object, ListGroupsResponse>({
  name: 'ListGroups',
  minVersion: 0,
  maxVersion: 2,
  request,
  response,
  handle: (_req, ctx) => ({
    errorCode: 0,
    groups: ctx.broker.groups.all().map((g) => ({ groupId: g.id, protocolType: g.protocolType ?? '' })),
  }),
  fail: (_req, errorCode) => ({ errorCode, groups: [] }),
});

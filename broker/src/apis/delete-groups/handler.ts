// DeleteGroups: NON_EMPTY_GROUP while members remain, GROUP_ID_NOT_FOUND for unknown groups.
import { defineApi } from '../api.ts';
import { type DeleteGroupsRequest, type DeleteGroupsResponse, request, response } from './schema.ts';

export default defineApi<DeleteGroupsRequest, DeleteGroupsResponse>({
  name: 'DeleteGroups',
  minVersion: 0,
  maxVersion: 1,
  request,
  response,
  handle: (req, ctx) => ({
    results: req.groupsNames.map((groupId) => ({ groupId, errorCode: ctx.broker.groups.delete(groupId) })),
  }),
  fail: (req, errorCode) => ({ results: req.groupsNames.map((groupId) => ({ groupId, errorCode })) }),
});

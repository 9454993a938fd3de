// ListGroups: every group the coordinator knows, including Empty ones that only hold offsets. As Kafka's
// group coordinator: the filters match state and type names case-insensitively, an empty filter matches all.
// Every group here is a "classic" one (the JoinGroup/SyncGroup protocol; KIP-848 groups are not supported).
import { defineApi } from '../api.ts';
import { type ListGroupsRequest, type ListGroupsResponse, flexibleFrom, request, response } from './schema.ts';

const GROUP_TYPE = 'classic';

const matches = (filter: readonly string[], value: string) =>
  filter.length === 0 || filter.some((f) => f.toLowerCase() === value.toLowerCase());

export default defineApi<ListGroupsRequest, ListGroupsResponse>({
  name: 'ListGroups',
  minVersion: 0,
  maxVersion: 5,
  flexibleFrom,
  request,
  response,
  handle: (req, ctx) => ({
    errorCode: 0,
    groups: ctx.broker.groups
      .all()
      .filter((g) => matches(req.statesFilter, g.state) && matches(req.typesFilter, GROUP_TYPE))
      .map((g) => ({ groupId: g.id, protocolType: g.protocolType ?? '', groupState: g.state, groupType: GROUP_TYPE })),
  }),
  fail: (_req, errorCode) => ({ errorCode, groups: [] }),
});

// DescribeGroups: as Kafka's GroupMetadata.summary, member metadata and assignments only when Stable;
// an unknown group is reported Dead with no error.
import type { Group } from '../../groups/group.ts';
import { defineApi } from '../api.ts';
import {
  type DescribedGroup,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
  request,
  response,
} from './schema.ts';

function summary(groupId: string, g: Group | undefined): DescribedGroup {
  if (!g) return { errorCode: 0, groupId, groupState: 'Dead', protocolType: '', protocolData: '', members: [] };
  const stable = g.state === 'Stable';
  const protocol = stable ? (g.protocol ?? '') : '';
  const empty = Buffer.alloc(0);
  return {
    errorCode: 0,
    groupId,
    groupState: g.state,
    protocolType: g.protocolType ?? '',
    protocolData: protocol,
    members: [...g.members.values()].map((m) => ({
      memberId: m.id,
      clientId: m.clientId,
      clientHost: m.clientHost,
      memberMetadata: stable ? g.metadataFor(m, protocol) : empty,
      memberAssignment: stable ? m.assignment : empty,
    })),
  };
}

export default defineApi<DescribeGroupsRequest, DescribeGroupsResponse>({
  name: 'DescribeGroups',
  minVersion: 0,
  maxVersion: 2,
  request,
  response,
  handle: (req, ctx) => ({ groups: req.groups.map((id) => summary(id, ctx.broker.groups.get(id))) }),
  fail: (req, errorCode) => ({
    groups: req.groups.map((groupId) => ({
      errorCode,
      groupId,
      groupState: '',
      protocolType: '',
      protocolData: '',
      members: [],
    })),
  }),
});

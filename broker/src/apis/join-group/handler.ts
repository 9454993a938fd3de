// JoinGroup: parked until the join phase completes (see groups/rebalance.ts).
import { code } from '../../errors.ts';
import type { JoinResult } from '../../groups/group.ts';
import { defineApi } from '../api.ts';
import { type JoinGroupRequest, request, response } from './schema.ts';

export default defineApi<JoinGroupRequest, JoinResult>({
  name: 'JoinGroup',
  minVersion: 0,
  maxVersion: 5,
  request,
  response,
  handle(req, ctx) {
    if (req.groupId === '')
      return {
        errorCode: code.INVALID_GROUP_ID,
        generationId: -1,
        protocolName: '',
        leader: '',
        memberId: req.memberId,
        members: [],
      };
    return ctx.broker.groups.join(req.groupId, {
      sessionTimeoutMs: req.sessionTimeoutMs,
      rebalanceTimeoutMs: ctx.apiVersion === 0 ? req.sessionTimeoutMs : req.rebalanceTimeoutMs,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId,
      protocolType: req.protocolType,
      protocols: req.protocols,
      clientId: ctx.clientId,
      clientHost: ctx.clientHost,
      requireKnownMemberId: ctx.apiVersion >= 4,
    });
  },
  fail: (req, errorCode) => ({
    errorCode,
    generationId: -1,
    protocolName: '',
    leader: '',
    memberId: req.memberId,
    members: [],
  }),
});

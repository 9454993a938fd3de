// LeaveGroup: the member goes at once and the rest of the group rebalances.
import { code } from '../../errors.ts';
import { defineApi } from '../api.ts';
import { type LeaveGroupRequest, type LeaveGroupResponse, request, response } from './schema.ts';

export default defineApi<LeaveGroupRequest, LeaveGroupResponse>({
  name: 'LeaveGroup',
  minVersion: 0,
  maxVersion: 3,
  request,
  response,
  handle(req, ctx) {
    const groups = ctx.broker.groups;
    if (ctx.apiVersion < 3) return { errorCode: groups.leave(req.groupId, req.memberId), members: [] };
    if (req.groupId === '') return { errorCode: code.INVALID_GROUP_ID, members: [] };
    return {
      errorCode: 0,
      members: req.members.map((m) => ({ ...m, errorCode: groups.leave(req.groupId, m.memberId, m.groupInstanceId) })),
    };
  },
  fail: (req, errorCode) => ({ errorCode, members: req.members.map((m) => ({ ...m, errorCode })) }),
});

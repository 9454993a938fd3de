// Heartbeat: keeps the session alive; REBALANCE_IN_PROGRESS tells the member to rejoin.
import { defineApi } from '../api.ts';
import { type HeartbeatRequest, type HeartbeatResponse, request, response } from './schema.ts';

export default defineApi<HeartbeatRequest, HeartbeatResponse>({
  name: 'Heartbeat',
  minVersion: 0,
  maxVersion: 3,
  request,
  response,
  handle: (req, ctx) => ({
    errorCode: ctx.broker.groups.heartbeat(req.groupId, req.memberId, req.groupInstanceId, req.generationId),
  }),
  fail: (_req, errorCode) => ({ errorCode }),
});

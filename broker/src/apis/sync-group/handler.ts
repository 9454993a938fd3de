// SyncGroup: followers are parked until the leader sends the assignments.
import type { SyncResult } from '../../groups/group.ts';
import { defineApi } from '../api.ts';
import { request, response, type SyncGroupRequest } from './schema.ts';

export default defineApi<SyncGroupRequest, SyncResult>({
  name: 'SyncGroup',
  minVersion: 0,
  maxVersion: 3,
  request,
  response,
  handle: (req, ctx) =>
    ctx.broker.groups.sync(req.groupId, req.memberId, req.groupInstanceId, req.generationId, req.assignments),
  fail: (_req, errorCode) => ({ errorCode, assignment: Buffer.alloc(0) }),
});

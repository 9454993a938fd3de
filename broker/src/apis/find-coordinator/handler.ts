// FindCoordinator: this node coordinates every group (and, nominally, every transactional id;
// InitProducerId then declines transactions).
import { code } from '../../errors.ts';
import { defineApi } from '../api.ts';
import { type FindCoordinatorRequest, type FindCoordinatorResponse, request, response } from './schema.ts';

export default defineApi<FindCoordinatorRequest, FindCoordinatorResponse>({
  name: 'FindCoordinator',
  minVersion: 0,
  maxVersion: 2,
  request,
  response,
  handle(req, ctx) {
    if (req.keyType !== 0 && req.keyType !== 1) {
      return {
        errorCode: code.INVALID_REQUEST,
        errorMessage: `Unsupported key type ${req.keyType}`,
        nodeId: -1,
        host: '',
        port: -1,
      };
    }
    const { nodeId, host, port } = ctx.broker.config;
    return { errorCode: 0, errorMessage: null, nodeId, host, port };
  },
  fail: (_req, errorCode) => ({ errorCode, errorMessage: null, nodeId: -1, host: '', port: -1 }),
});

// The control interface's operations, as plain functions of (state, JSON body) so they are testable
// without HTTP. Each throws BadRequest for input it cannot use.
import { API_KEYS, type ApiName } from '../apis/api-keys.ts';
import type { BrokerState } from '../context.ts';
import { errorCodeOf } from '../errors.ts';
import type { FaultAction, RuleOptions } from '../faults/faults.ts';

export class BadRequest extends Error {}

type Body = Record<string, unknown>;

const optionalString = (b: Body, k: string): string | undefined => {
  const v = b[k];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new BadRequest(`${k} must be a string`);
  return v;
};

function actionOf(b: Body): FaultAction {
  switch (b.action) {
    case 'error': {
      const e = b.errorCode ?? b.error;
      if (typeof e !== 'number' && typeof e !== 'string')
        throw new BadRequest('errorCode (a Kafka code or name) is required');
      try {
        return { kind: 'error', errorCode: errorCodeOf(e) };
      } catch (err) {
        throw new BadRequest((err as Error).message);
      }
    }
    case 'drop':
      if (b.when !== 'before' && b.when !== 'after') throw new BadRequest('when must be "before" or "after"');
      return { kind: 'drop', when: b.when };
    case 'delay':
      if (typeof b.ms !== 'number' || b.ms < 0) throw new BadRequest('ms must be a number >= 0');
      return { kind: 'delay', ms: b.ms };
    case 'no-reply':
      return { kind: 'no-reply' };
    default:
      throw new BadRequest('action must be one of error, drop, delay, no-reply');
  }
}

export function addFault(state: BrokerState, b: Body): { id: number } {
  const api = b.api;
  if (typeof api !== 'string' || !(api in API_KEYS))
    throw new BadRequest(`api must be one of ${Object.keys(API_KEYS).join(', ')}`);
  const count = b.count === undefined ? 1 : b.count;
  if (count !== 'forever' && (typeof count !== 'number' || !(count > 0)))
    throw new BadRequest('count must be a positive number or "forever"');
  const options: RuleOptions = {
    count: count === 'forever' ? Number.POSITIVE_INFINITY : count,
    clientId: optionalString(b, 'clientId'),
    groupId: optionalString(b, 'groupId'),
    topic: optionalString(b, 'topic'),
  };
  for (const k of ['clientId', 'groupId', 'topic'] as const) if (options[k] === undefined) delete options[k];
  return { id: state.faults.add(api as ApiName, actionOf(b), options).id };
}

export function listFaults(state: BrokerState): unknown {
  return state.faults.list().map((r) => ({ ...r, remaining: Number.isFinite(r.remaining) ? r.remaining : 'forever' }));
}

export function describeState(state: BrokerState): unknown {
  return {
    topics: state.topics.names().map((name) => ({
      name,
      partitions: (state.topics.get(name)?.partitions ?? []).map((p) => ({
        partition: p.partition,
        logStartOffset: p.logStartOffset,
        highWatermark: p.highWatermark,
        bytes: p.bytes,
      })),
    })),
    groups: state.groups.all().map((g) => ({
      groupId: g.id,
      state: g.state,
      generation: g.generation,
      protocol: g.protocol,
      leader: g.leaderId,
      members: [...g.members.values()].map((m) => ({ memberId: m.id, clientId: m.clientId })),
    })),
  };
}

export const expireMember = (state: BrokerState, groupId: string, b: Body) => ({
  expired: state.faults.expireMember(groupId, optionalString(b, 'memberId')),
});

export const forceRebalance = (state: BrokerState, groupId: string) => ({
  rebalancing: state.faults.forceRebalance(groupId),
});

export const dropConnections = (state: BrokerState, b: Body) => ({
  dropped: state.faults.dropConnections(optionalString(b, 'clientId')),
});

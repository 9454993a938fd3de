// Fault injection: rules matched per request (API, and optionally client id, group or topic), each
// consumed `count` times, plus direct controls on groups and connections. The dispatcher asks take().
import { API_KEYS, type ApiName } from '../apis/api-keys.ts';
import { type ErrorName, errorCodeOf } from '../errors.ts';

export type FaultAction =
  /** Answer as the API answers that error: per partition, per topic or at the top level. */
  | { kind: 'error'; errorCode: number }
  /** Close the connection before the broker applies the request, or after applying it but before replying. */
  | { kind: 'drop'; when: 'before' | 'after' }
  /** Hold the response this long (the connection stays serial, as in Kafka). */
  | { kind: 'delay'; ms: number }
  /** Apply the request but never answer, until the client times out. */
  | { kind: 'no-reply' };

export interface FaultMatch {
  clientId?: string;
  groupId?: string;
  topic?: string;
}

export interface FaultRule {
  readonly id: number;
  readonly api: ApiName;
  readonly action: FaultAction;
  readonly match: FaultMatch;
  /** How many more requests this rule applies to (Infinity: until cleared). */
  remaining: number;
}

export interface RuleOptions extends FaultMatch {
  /** Requests to affect; default 1. */
  count?: number;
}

/** The controls that act on state outside the fault rules (wired by the broker). */
export interface FaultTargets {
  expireMember(groupId: string, memberId?: string): string[];
  forceRebalance(groupId: string): boolean;
  dropConnections(clientId?: string): number;
}

function mentions(req: object, match: FaultMatch): boolean {
  const r = req as { groupId?: unknown; topics?: unknown; topicNames?: unknown };
  if (match.groupId !== undefined && r.groupId !== match.groupId) return false;
  if (match.topic !== undefined) {
    const names: unknown[] = [];
    if (Array.isArray(r.topics))
      for (const t of r.topics as { name?: unknown; topic?: unknown }[]) names.push(t.name ?? t.topic);
    if (Array.isArray(r.topicNames)) names.push(...(r.topicNames as unknown[]));
    if (!names.includes(match.topic)) return false;
  }
  return true;
}

export class Faults {
  private rules: FaultRule[] = [];
  private nextId = 1;
  private targets: FaultTargets | null = null;

  attach(targets: FaultTargets): void {
    this.targets = targets;
  }

  add(api: ApiName, action: FaultAction, options: RuleOptions = {}): FaultRule {
    if (!(api in API_KEYS)) throw new Error(`unknown API ${api}`);
    const { count = 1, ...match } = options;
    if (!(count > 0)) throw new Error('count must be positive');
    const rule: FaultRule = { id: this.nextId++, api, action, match, remaining: count };
    this.rules.push(rule);
    return rule;
  }

  /** Fail the next `count` requests of `api` with a Kafka error (by name or code). */
  failNext(api: ApiName, error: ErrorName | number, options?: RuleOptions): FaultRule {
    return this.add(api, { kind: 'error', errorCode: errorCodeOf(error) }, options);
  }

  dropConnection(api: ApiName, when: 'before' | 'after', options?: RuleOptions): FaultRule {
    return this.add(api, { kind: 'drop', when }, options);
  }

  delay(api: ApiName, ms: number, options?: RuleOptions): FaultRule {
    if (!(ms >= 0)) throw new Error('delay must be >= 0 ms');
    return this.add(api, { kind: 'delay', ms }, options);
  }

  noReply(api: ApiName, options?: RuleOptions): FaultRule {
    return this.add(api, { kind: 'no-reply' }, options);
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  /** The actions for this request, consuming the matching rules (the first matching rule of each kind). */
  take(api: ApiName, req: object, clientId: string): FaultAction[] {
    const actions: FaultAction[] = [];
    const kinds = new Set<string>();
    for (const rule of this.rules) {
      if (rule.api !== api || kinds.has(rule.action.kind)) continue;
      if (rule.match.clientId !== undefined && rule.match.clientId !== clientId) continue;
      if (!mentions(req, rule.match)) continue;
      kinds.add(rule.action.kind);
      actions.push(rule.action);
      rule.remaining -= 1;
    }
    if (actions.length > 0) this.rules = this.rules.filter((r) => r.remaining > 0);
    return actions;
  }

  private get target(): FaultTargets {
    if (!this.targets) throw new Error('faults are not attached to a broker');
    return this.targets;
  }

  /** The member's session expires now (all members of the group when no id is given). */
  expireMember(groupId: string, memberId?: string): string[] {
    return this.target.expireMember(groupId, memberId);
  }

  /** The group starts rebalancing as if a member had joined; members learn it from their next heartbeat. */
  forceRebalance(groupId: string): boolean {
    return this.target.forceRebalance(groupId);
  }

  /** Closes client connections now (those of one client id, or all). */
  dropConnections(clientId?: string): number {
    return this.target.dropConnections(clientId);
  }
}

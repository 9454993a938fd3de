import { randomBytes } from 'node:crypto';
import type { RunningDouble } from '../doubles/double.ts';
import type { Spec } from '../spec/load.ts';
import type { Operation } from '../spec/types.ts';
import type { Finding, Observation, Severity } from './findings.ts';
import type { HttpRequest, HttpResponse, SpreadOffer } from './http.ts';
import type { AdminCredential, Identities, User } from './identities.ts';
import type { ExtraClaims } from './tokens.ts';
import { poll } from './poll.ts';
import { Resolver, type FilledRequest } from './recipes.ts';
import { urlFor, type Target } from './target.ts';
import type { Transport } from './transport.ts';
import { RateLimitedError, SpreadSignal, type RateLimitBudget } from './rate-limit.ts';
import { currentLease, type IdentitySpread, type TargetLease } from './spread.ts';

/** The check cannot be evaluated because a precondition failed (e.g. the owner could not create the resource). */
export class Blocked extends Error {}
/** The check does not apply to this target. */
export class Skipped extends Error {}
/** The operation answered 404/405/501 even to a request that should succeed: the target does not implement it. */
export class NotImplemented extends Error {}

export interface RunOptions {
  timeoutMs: number;
  /** Floor of set-up steps' time-outs (registration, resources a check needs); default max(60 s, timeoutMs). */
  setupTimeoutMs?: number;
  concurrency: number;
  jwtSecret?: string;
  kafkaBrokers?: string[];
  /** Deadline for asynchronous effects. */
  eventDeadlineMs: number;
  /** Claims every minted token carries. */
  tokenClaims?: ExtraClaims;
  admin?: AdminCredential;
  /** How long 429s may be waited out (Retry-After) before a target is reported rate-limited. */
  rateLimit?: RateLimitBudget;
}

export interface SendOptions {
  /** The caller; null sends no token. */
  as: User | null;
  /** A raw token instead of the user's (for the token matrix). */
  token?: string | null;
  headers?: Record<string, string>;
  /** Replace the filled body with a raw text. */
  raw?: string;
  /** A set-up step (creating what a check needs): generous time-out, retries with backoff. */
  setup?: boolean;
  /** Only a refusal is acceptable (a stranger, a bad token, an invalid body): a lost answer may be re-sent. */
  refusalExpected?: boolean;
}

export interface FailInput {
  severity: Severity;
  expected: string;
  received: string;
  response?: HttpResponse;
  operation?: Operation;
  clause?: string;
}

export interface Environment {
  spec: Spec;
  target: Target;
  options: RunOptions;
  http: Transport;
  identities: Identities;
  resolvers: Map<string, Resolver>;
  /** Recording doubles of downstream dependencies, by the spec service they stand in for. */
  doubles: Map<string, RunningDouble>;
  /** Spreads work over several identities of a label when the target limits per user (absent: never spread). */
  spread?: IdentitySpread;
  /** Results computed once per run and shared by the checks (ctx.once). */
  shared?: Map<string, Promise<unknown>>;
  observe(o: Observation): void;
}

/** What a check sees while it runs one target. Users are shared by the targets of one check. */
export class CheckContext {
  readonly findings: Finding[] = [];
  readonly spec: Spec;
  readonly target: Target;
  readonly options: RunOptions;
  readonly http: Transport;

  constructor(
    private readonly env: Environment,
    readonly checkId: string,
    private readonly clauseId: string,
    private readonly failure: string,
    readonly operation?: Operation,
    /** Which members of the pool labels this target's attempt uses (spread.ts). */
    private readonly lease?: TargetLease,
  ) {
    this.spec = env.spec;
    this.target = env.target;
    this.options = env.options;
    this.http = env.http;
  }

  /**
   * A test user named `label` (owner, stranger, …), registered once per run and shared by the checks. When the target
   * limited this label's user, a re-run of the target gets another member of the label (`owner #2`, spread.ts).
   */
  user(label: string): Promise<User> {
    return this.env.identities
      .shared(label, this.lease?.swaps.get(label) ?? 0)
      .catch((error) => this.userFailed(label, error));
  }

  /** A user only this target uses. */
  freshUser(label: string): Promise<User> {
    return this.env.identities.fresh(`${label}@${this.checkId}`).catch((error) => this.userFailed(label, error));
  }

  /** A registration kept answering 429 is rate-limited (its own outcome); any other failure blocks the target. */
  private userFailed(label: string, error: unknown): never {
    if (error instanceof RateLimitedError) throw error;
    this.block(`could not create test user ${label}: ${(error as Error).message}`);
  }

  admin(user: User): Promise<User> {
    return this.env.identities.admin(user);
  }

  /** The recording double standing in for `service`, when the run has one (`--double`). */
  double(service: string): RunningDouble | undefined {
    return this.env.doubles.get(service);
  }

  get secret(): string | undefined {
    return this.env.identities.secret;
  }

  /** Whether an admin can be made (an admin header in the config, or --jwt-secret for a roles: [admin] token). */
  get canAdmin(): boolean {
    return this.env.identities.canAdmin;
  }

  /** Claims every token must carry for this target (config tokenClaims, --token-claim). */
  get tokenClaims(): ExtraClaims {
    return this.options.tokenClaims ?? {};
  }

  /** Creates resources as `user` (a fresh set per resolver). */
  resolver(user: User): Resolver {
    return new Resolver(this, user);
  }

  /**
   * One resolver per user for the whole run, for checks whose requests must not change anything (bad tokens,
   * invalid input): its resources are created once and reused by every target.
   */
  sharedResolver(user: User): Resolver {
    let resolver = this.env.resolvers.get(user.id);
    if (!resolver) {
      resolver = new Resolver(this, user);
      this.env.resolvers.set(user.id, resolver);
    }
    return resolver;
  }

  /**
   * A result computed once per run for `key` and shared by every check that asks (e.g. whether a consumer has any
   * observable effect), so all of them judge from the same observation and say the same thing.
   */
  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    this.env.shared ??= new Map();
    let value = this.env.shared.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.env.shared.set(key, value);
    }
    return value;
  }

  canary(label = 'canary'): string {
    return `cnry-${label}-${randomBytes(6).toString('hex')}`;
  }

  url(op: Operation, req: FilledRequest): string {
    return urlFor(this.target, op, req.path, req.query);
  }

  async send(op: Operation, req: FilledRequest, options: SendOptions): Promise<HttpResponse> {
    const token = options.token !== undefined ? options.token : options.as?.token;
    const headers: Record<string, string> = { ...options.as?.headers, ...req.headers, ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    // The lease of the target running now: a shared resolver may hold the context of the target that created it.
    const lease = currentLease() ?? this.lease;
    const route = `${op.method.toUpperCase()} ${op.gatewayPath}`;
    // A request sent without a token is limited by something else than its user: another identity would not help.
    const spread = this.env.spread?.offer(token ? options.as : null, route, lease);
    try {
      return await this.sendRaw(op, req, options, headers, spread);
    } catch (error) {
      if (error instanceof SpreadSignal && lease) lease.signal = error;
      // Limited beyond the budget with no other identity free: later targets learn it too.
      else if (error instanceof RateLimitedError && token && options.as)
        this.env.spread?.noteLimited(options.as.id, route, error);
      throw error;
    }
  }

  private sendRaw(
    op: Operation,
    req: FilledRequest,
    options: SendOptions,
    headers: Record<string, string>,
    spread: SpreadOffer | undefined,
  ): Promise<HttpResponse> {
    return this.http.send({
      method: op.method,
      url: this.url(op, req),
      headers,
      json: options.raw === undefined && !req.form ? req.body : undefined,
      raw: options.raw,
      form: options.raw === undefined ? req.form : undefined,
      identity: options.as?.label ?? 'anonymous',
      idempotencyHeader: op.idempotency?.header,
      setup: options.setup,
      refusalExpected: options.refusalExpected,
      documentedStatuses: Object.keys(op.responses),
      spread,
    } as HttpRequest);
  }

  fail(input: FailInput): void {
    const op = input.operation ?? this.operation;
    const clause = this.spec.clauses.get(input.clause ?? this.clauseId);
    this.findings.push({
      checkId: this.checkId,
      severity: input.severity,
      message: `${this.failure}\nExpected: ${input.expected}\nReceived: ${input.received}`,
      expected: input.expected,
      received: input.received,
      operationId: op?.operationId,
      service: op?.service,
      clause: clause ?? { id: input.clause ?? this.clauseId, title: input.clause ?? this.clauseId },
      location: op?.location ?? clause?.location,
      exchange: input.response?.exchange,
      docs: `docs/checks.md#${this.checkId.replace('.', '')}`,
    });
  }

  block(reason: string): never {
    throw new Blocked(reason);
  }

  skip(reason: string): never {
    throw new Skipped(reason);
  }

  notImplemented(reason: string): never {
    throw new NotImplemented(reason);
  }

  observe(kind: string, data: Record<string, unknown>): void {
    this.env.observe({ kind, data });
  }

  poll<T>(probe: () => Promise<T | undefined>, deadlineMs = this.options.eventDeadlineMs): Promise<T | undefined> {
    return poll(probe, deadlineMs);
  }
}

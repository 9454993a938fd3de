import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Spec } from '../spec/load.ts';
import { sample } from '../spec/sample.ts';
import type { Operation } from '../spec/types.ts';
import { TransportError } from './http.ts';
import type { Transport } from './transport.ts';
import { reachable, urlFor, type Target } from './target.ts';
import { mintToken, type ExtraClaims } from './tokens.ts';

export interface User {
  /** The token's sub. */
  id: string;
  token: string;
  label: string;
  /** Headers sent with every request of this user (an admin credential of the target's own kind). */
  headers?: Record<string, string>;
}

/** How the target recognises an administrator besides the token's `roles: [admin]`: a static header. */
export interface AdminCredential {
  header: string;
  value: string;
}

export interface IdentityOptions {
  /** Claims every minted token carries (a shard number the target requires...). */
  claims?: ExtraClaims;
  admin?: AdminCredential;
}

/** Registrations in flight at once: each runs the target's password KDF (scrypt N=2^17 on the reference). */
const REGISTRATIONS_AT_ONCE = 2;
/** Registration attempts, each with a new identity: a lost answer is never re-sent (registration is not idempotent). */
const REGISTRATION_ATTEMPTS = 3;

/**
 * Test users: registered through the users API (the public operation whose 201 response returns an access_token),
 * or, when that is not reachable, minted with --jwt-secret for a random subject. Users named by a label form the
 * run's pool: each is created once and shared by every check that asks for it (`shared`).
 */
export class Identities {
  private readonly register: Operation | undefined;
  private readonly pool = new Map<string, Promise<User>>();
  /** Which label (and which of its members) or fresh user each created user is, by id: who may stand in for whom. */
  private readonly members = new Map<string, { label: string; index: number; fresh?: boolean }>();
  private readonly memberIds = new Map<string, string>();
  /** Members created besides each label's first (to spread work over identities when the target limits per user). */
  extraMembers = 0;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    spec: Spec,
    private readonly target: Target,
    private readonly http: Transport,
    readonly secret: string | undefined,
    private readonly options: IdentityOptions = {},
  ) {
    this.register = spec.operations.find(
      (op) => op.method === 'post' && !op.secured && tokenField(op) !== undefined && reachable(target, op),
    );
  }

  /**
   * The pool's user `label`: created on first use, then shared. A creation refused by the target is forgotten so a
   * later ask tries again; one whose answers were lost (time-outs, resets, refused connections, after the transport's
   * retries and REGISTRATION_ATTEMPTS new identities) is kept as the run's answer: asking again would only wait as
   * long again, for every target of a target that never answers.
   */
  shared(label: string, index = 0): Promise<User> {
    const name = memberLabel(label, index);
    let user = this.pool.get(name);
    if (!user) {
      if (index > 0) this.extraMembers++;
      user = this.create(name);
      this.pool.set(name, user);
      user.then(
        (u) => {
          this.members.set(u.id, { label, index });
          this.memberIds.set(name, u.id);
        },
        (error) => {
          if (!(error instanceof TransportError)) this.pool.delete(name);
        },
      );
    }
    return user;
  }

  /** The id of member `index` of the pool label, once created. */
  member(label: string, index: number): string | undefined {
    return this.memberIds.get(memberLabel(label, index));
  }

  /** The pool label (and member) a user stands for, or that it is a fresh user; undefined for any other. */
  memberOf(id: string): { label: string; index: number; fresh?: boolean } | undefined {
    return this.members.get(id);
  }

  /** Creates the pool's users before the checks start, so registrations do not compete with check traffic. */
  async warm(labels: string[]): Promise<void> {
    await Promise.allSettled(labels.map((l) => this.shared(l)));
  }

  async create(label: string): Promise<User> {
    if (this.register) return this.registerUser(this.register, label);
    if (!this.secret)
      throw new Error(
        'no way to get a test user: the spec has no reachable registration operation and no --jwt-secret was given',
      );
    const id = `conf-${randomBytes(6).toString('hex')}`;
    return { id, label, token: await this.mint(id) };
  }

  private mint(sub: string, roles?: string[]): Promise<string> {
    return mintToken(this.secret!, sub, roles, this.options.claims);
  }

  /** Whether an admin can be made: from the admin header of the config, or a role minted with the secret. */
  get canAdmin(): boolean {
    return Boolean(this.options.admin || this.secret);
  }

  /**
   * A user no other target shares (for checks that compare snapshots of the owner's data). Minted with the secret
   * when there is one, since registering runs the platform's password KDF; registered otherwise.
   */
  async fresh(label: string): Promise<User> {
    const user = await this.mintFresh(label);
    this.members.set(user.id, { label, index: 0, fresh: true });
    return user;
  }

  private async mintFresh(label: string): Promise<User> {
    if (!this.secret) return this.create(label);
    // Shaped like a real id (ids may have a format in the spec): a registered user's id with a new hex tail.
    this.template ??= this.register ? this.create('id template') : undefined;
    const shape = (await this.template)?.id ?? 'conf-000000000000';
    const id = shape.replace(/[0-9a-f]+$/i, (tail) => randomBytes(tail.length).toString('hex').slice(0, tail.length));
    return { id, label, token: await this.mint(id) };
  }

  private template: Promise<User> | undefined;

  /** The same user with the admin role (needs the secret). */
  async admin(user: User): Promise<User> {
    const label = `${user.label} (admin)`;
    const { admin } = this.options;
    if (admin) {
      const token = this.secret ? await this.mint(user.id, ['admin']) : user.token;
      return { ...user, label, token, headers: { ...user.headers, [admin.header]: admin.value } };
    }
    if (!this.secret)
      throw new Error('an admin needs --jwt-secret (a roles: [admin] token) or an admin header in the config');
    return { ...user, label, token: await this.mint(user.id, ['admin']) };
  }

  private async registerUser(op: Operation, label: string): Promise<User> {
    await this.acquire();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.registerOnce(op, label);
        } catch (error) {
          // The answer was lost: the first identity may exist or not; a new one is registered instead (never a re-send).
          if (!(error instanceof TransportError) || attempt >= REGISTRATION_ATTEMPTS) throw error;
          this.http.losses?.replaced.push(`registration of ${label}: ${error.message.split(';')[0]}`);
        }
      }
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < REGISTRATIONS_AT_ONCE) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }

  private async registerOnce(op: Operation, label: string): Promise<User> {
    const unique = randomBytes(5).toString('hex');
    const schema = op.requestBody?.content['application/json']?.schema;
    const body = sample(schema, 'user', {
      text: (name) => (name === 'password' ? `Conformance-${unique}-pw` : `conf ${label} ${unique}`),
    }) as Record<string, unknown>;
    for (const [k, prop] of Object.entries<any>(schema?.properties ?? {})) {
      if (prop.format === 'email' || k === 'email') body[k] = `conf-${unique}@example.com`;
    }
    const res = await this.http.send({
      method: 'POST',
      url: urlFor(this.target, op),
      json: body,
      identity: `register ${label}`,
      setup: true,
    });
    const token = res.json?.[tokenField(op)!];
    if (res.status >= 300 || typeof token !== 'string') {
      throw new Error(
        `registering a test user through ${op.operationId} failed: ${res.status} ${res.text.slice(0, 200)}`,
      );
    }
    const claims = decodeJwt(token);
    const sub = String(claims.sub ?? res.json.user_id ?? res.json.id);
    // A target that needs claims its own registration does not issue gets them in a token minted with the secret.
    const missing = Object.keys(this.options.claims ?? {}).some((name) => !(name in claims));
    return { id: sub, token: missing && this.secret ? await this.mint(sub) : token, label };
  }
}

/** The pool's name of member `index` of a label: the label itself, then `label #2`, `label #3`... */
function memberLabel(label: string, index: number): string {
  return index === 0 ? label : `${label} #${index + 1}`;
}

function tokenField(op: Operation): string | undefined {
  const schema = op.responses['201']?.content?.['application/json']?.schema;
  return ['access_token', 'token'].find((f) => schema?.properties?.[f]);
}

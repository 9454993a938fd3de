import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Spec } from '../spec/load.ts';
import { sample } from '../spec/sample.ts';
import type { Operation } from '../spec/types.ts';
import { TransportError, type HttpClient } from './http.ts';
import { reachable, urlFor, type Target } from './target.ts';
import { mintToken } from './tokens.ts';

export interface User {
  /** The token's sub. */
  id: string;
  token: string;
  label: string;
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
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    spec: Spec,
    private readonly target: Target,
    private readonly http: HttpClient,
    readonly secret: string | undefined,
  ) {
    this.register = spec.operations.find(
      (op) => op.method === 'post' && !op.secured && tokenField(op) !== undefined && reachable(target, op),
    );
  }

  /** The pool's user `label`: created on first use, then shared; a failed creation is forgotten so a later ask retries. */
  shared(label: string): Promise<User> {
    let user = this.pool.get(label);
    if (!user) {
      user = this.create(label);
      this.pool.set(label, user);
      user.catch(() => this.pool.delete(label));
    }
    return user;
  }

  /** Creates the pool's users before the checks start, so registrations do not compete with check traffic. */
  async warm(labels: string[]): Promise<void> {
    await Promise.allSettled(labels.map((l) => this.shared(l)));
  }

  async create(label: string): Promise<User> {
    if (this.register) return this.registerUser(this.register, label);
    if (!this.secret) throw new Error('no way to get a test user: the spec has no reachable registration operation and no --jwt-secret was given');
    const id = `conf-${randomBytes(6).toString('hex')}`;
    return { id, label, token: await mintToken(this.secret, id) };
  }

  /**
   * A user no other target shares (for checks that compare snapshots of the owner's data). Minted with the secret
   * when there is one, since registering runs the platform's password KDF; registered otherwise.
   */
  async fresh(label: string): Promise<User> {
    if (!this.secret) return this.create(label);
    // Shaped like a real id (ids may have a format in the spec): a registered user's id with a new hex tail.
    this.template ??= this.register ? this.create('id template') : undefined;
    const shape = (await this.template)?.id ?? 'conf-000000000000';
    const id = shape.replace(/[0-9a-f]+$/i, (tail) => randomBytes(tail.length).toString('hex').slice(0, tail.length));
    return { id, label, token: await mintToken(this.secret, id) };
  }

  private template: Promise<User> | undefined;

  /** The same user with the admin role (needs the secret). */
  async admin(user: User): Promise<User> {
    if (!this.secret) throw new Error('an admin token needs --jwt-secret');
    return { ...user, label: `${user.label} (admin)`, token: await mintToken(this.secret, user.id, ['admin']) };
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
          this.http.stats.replaced.push(`registration of ${label}: ${error.message.split(';')[0]}`);
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
    const res = await this.http.send({ method: 'POST', url: urlFor(this.target, op), json: body, identity: `register ${label}`, setup: true });
    const token = res.json?.[tokenField(op)!];
    if (res.status >= 300 || typeof token !== 'string') {
      throw new Error(`registering a test user through ${op.operationId} failed: ${res.status} ${res.text.slice(0, 200)}`);
    }
    const sub = decodeJwt(token).sub ?? res.json.user_id ?? res.json.id;
    return { id: String(sub), token, label };
  }
}

function tokenField(op: Operation): string | undefined {
  const schema = op.responses['201']?.content?.['application/json']?.schema;
  return ['access_token', 'token'].find((f) => schema?.properties?.[f]);
}

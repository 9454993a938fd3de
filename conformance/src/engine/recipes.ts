import { sample } from '../spec/sample.ts';
import type { JsonSchema, Operation } from '../spec/types.ts';
import type { Spec } from '../spec/load.ts';
import { TransportError, type FormField, type HttpResponse } from './http.ts';
import type { User } from './identities.ts';
import type { Transport } from './transport.ts';
import { ID_FIELDS, MADE_BEFORE_READ, RECIPES, USER_ID } from './recipes.data.ts';
import { creatorOf, kindOf } from './recipe-lookup.ts';

export interface FilledRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
  form?: Record<string, FormField>;
  /** Filled with sample values because the resources could not be created, and why (a 404 then proves nothing). */
  sampled?: string;
}

export interface Created {
  kind: string;
  id: unknown;
  operation: Operation;
  body: any;
}

/** What a resolver needs from the check it creates resources for (context.ts's CheckContext). */
export interface ResolverHost {
  readonly spec: Spec;
  readonly http: Transport;
  canary(label?: string): string;
  send(op: Operation, req: FilledRequest, options: { as: User; setup: boolean }): Promise<HttpResponse>;
  admin(user: User): Promise<User>;
  block(reason: string): never;
}

/**
 * Fills operations' requests with valid values for one user, creating the resources they refer to through the
 * spec's own operations (a message needs a chat: the chat is created first and reused). Every free-text field
 * carries this resolver's canary, so a response that contains it shows this user's data.
 */
export class Resolver {
  readonly canary: string;
  readonly created: Created[] = [];
  private readonly bag = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ctx: ResolverHost,
    readonly user: User,
  ) {
    this.canary = ctx.canary(user.label.split(/[:@ ]/)[0]);
  }

  /** Values for `op` as this user; with `existingOnly`, undefined when it would need a resource not yet created. */
  async fill(
    op: Operation,
    options: { existingOnly?: boolean; text?: string } = {},
  ): Promise<FilledRequest | undefined> {
    const out: FilledRequest = { path: {}, query: {}, headers: {} };
    if (!options.existingOnly && MADE_BEFORE_READ[op.operationId])
      await this.madeOnce(MADE_BEFORE_READ[op.operationId]!);
    const text = (name: string) => `${options.text ?? this.canary} ${name}`;
    for (const p of op.parameters) {
      if (p.in === 'path') {
        const value = await this.valueFor(op, p.name, options.existingOnly);
        if (value === undefined) return undefined;
        out.path[p.name] = value;
      } else if (p.in === 'query' && p.required) out.query[p.name] = sample(p.schema, p.name);
      else if (p.in === 'header' && p.required) out.headers[p.name] = String(sample(p.schema, p.name));
    }
    const content = op.requestBody?.content ?? {};
    const json = content['application/json'];
    const multipart = content['multipart/form-data'];
    if (json?.schema) {
      out.body = await this.fillObject(op, json.schema, text, options.existingOnly);
      if (out.body === undefined) return undefined;
    } else if (multipart?.schema) {
      const values = await this.fillObject(op, multipart.schema, text, options.existingOnly);
      if (values === undefined) return undefined;
      out.form = {};
      for (const [name, prop] of Object.entries<JsonSchema>(multipart.schema.properties ?? {})) {
        if (prop.format === 'binary') {
          const type = multipart.encoding?.[name]?.contentType?.split(',')[0]?.trim() ?? 'application/octet-stream';
          out.form[name] = {
            filename: 'conformance.txt',
            type: type.includes('*') ? 'application/octet-stream' : type,
            content: `${options.text ?? this.canary} file`,
          };
        } else if (values[name] !== undefined) out.form[name] = String(values[name]);
      }
    }
    return out;
  }

  /** The id of a resource of `kind` owned by this user, created on first use. */
  resource(kind: string): Promise<unknown> {
    let value = this.bag.get(kind);
    if (!value) {
      value = this.create(kind);
      this.bag.set(kind, value);
    }
    return value;
  }

  has(kind: string): boolean {
    return this.bag.has(kind);
  }

  /**
   * Runs `operationId` once for this user as a set-up step. Its failure blocks nothing: the read it prepares is then
   * judged as it answers (a target without that operation gets the read's own verdict).
   */
  private madeOnce(operationId: string): Promise<unknown> {
    const key = `made-by:${operationId}`;
    let done = this.bag.get(key);
    if (!done) {
      done = (async () => {
        const op = this.ctx.spec.operations.find((o) => o.operationId === operationId);
        const req = op && (await this.fill(op, { existingOnly: true }));
        if (op && req) await this.ctx.send(op, req, { as: this.user, setup: true }).catch(() => undefined);
      })();
      this.bag.set(key, done);
    }
    return done;
  }

  /** Forces a kind (e.g. another user's chat) for later fills. */
  set(kind: string, id: unknown): void {
    this.bag.set(kind, Promise.resolve(id));
  }

  private async create(kind: string): Promise<unknown> {
    const op = creatorOf(this.ctx.spec.operations, kind);
    if (!op) this.ctx.block(`no operation in the spec creates a ${kind} (add it to engine/recipes.data.ts)`);
    const as = op.authz.some((r) => r.rule === 'admin') ? await this.ctx.admin(this.user) : this.user;
    const res = await this.createOnce(op, as, kind);
    if (res.status < 200 || res.status >= 300) {
      this.ctx.block(
        `creating a ${kind} as ${this.user.label} through ${op.operationId} got ${res.status}: ${res.text.slice(0, 160)}`,
      );
    }
    const field = RECIPES[kind]?.id ?? [...ID_FIELDS, `${kind}_id`].find((f) => res.json?.[f] !== undefined);
    if (!field) this.ctx.block(`the ${op.operationId} response has no id field`);
    this.created.push({ kind, id: res.json[field], operation: op, body: res.json });
    return res.json[field];
  }

  /**
   * Sends a creation as a set-up step. When its answer is lost and it could not be re-sent (no Idempotency-Key),
   * one new creation replaces it: nothing is judged on either, and the replacement is reported with the run.
   */
  private async createOnce(op: Operation, as: User, kind: string): Promise<HttpResponse> {
    try {
      return await this.ctx.send(op, (await this.fill(op))!, { as, setup: true });
    } catch (error) {
      if (!(error instanceof TransportError) || !error.notResent) throw error;
      this.ctx.http.losses?.replaced.push(
        `${kind} of ${this.user.label} via ${op.operationId}: ${error.message.split(';')[0]}`,
      );
      return this.ctx.send(op, (await this.fill(op))!, { as, setup: true });
    }
  }

  private async valueFor(op: Operation, name: string, existingOnly?: boolean): Promise<unknown> {
    if (USER_ID.test(name)) return this.user.id;
    const kind = kindOf(op, name);
    if (existingOnly && !this.bag.has(kind)) return undefined;
    return this.resource(kind);
  }

  private async fillObject(
    op: Operation,
    schema: JsonSchema,
    text: (n: string) => string,
    existingOnly?: boolean,
  ): Promise<any> {
    const body = sample(schema, 'body', { text }) as Record<string, unknown>;
    if (!body || typeof body !== 'object') return body;
    for (const [name, prop] of Object.entries<JsonSchema>(schema.properties ?? {})) {
      if (!(name in body)) continue;
      if (USER_ID.test(name)) body[name] = this.user.id;
      else if (/_id$/.test(name) && prop.type !== 'object') {
        const value = await this.valueFor(op, name, existingOnly);
        if (value === undefined) return undefined;
        body[name] = value;
      }
    }
    return body;
  }
}

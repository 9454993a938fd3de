// The x- extensions of an operation (docs/spec-conventions.md), typed, and their readers. Each reader accepts an
// operation object as parsed (raw or dereferenced) and returns the declared value in one normal form.
import type { AuthzRuleName } from './authz-rules.ts';
import type { Json } from './files.ts';

/** Where an `x-authz` rule reads its resource id from. */
export interface ResourceRef {
  in: 'path' | 'query' | 'body' | 'multipart' | 'token';
  name: string;
}

/** One `x-authz` entry. `rule` is a key of AUTHZ_RULE_NAMES once the lint (`sn-authz-rule-shape`) passed. */
export interface AuthzRule {
  rule: AuthzRuleName | (string & {});
  /** One reference, or a pair `{message, chat}` for `message-in-chat`. */
  resource?: ResourceRef | Record<string, ResourceRef>;
  kind?: string;
  deny?: number;
  clause?: string;
  why?: string;
}

/** `x-idempotency`: the header that carries the key, its scope and how long a key is kept. */
export interface Idempotency {
  header: string;
  scope: string;
  ttl?: string;
  required?: boolean;
}

/** One entry of `x-emits`, normalised (the spec may write a bare channel name). */
export interface Emits {
  channel: string;
  key?: string;
}

/** `x-propagates`: a downstream call that must carry a credential. */
export interface Propagation {
  to: string;
  operationId?: string;
  credential?: string;
  clause?: string;
}

/** `x-public`: why an operation with `security: []` needs no token. */
export interface PublicDeclaration {
  reason: string;
}

/** An operation the suite calls to drive a feed: which one, where the other user's id goes, and fixed body fields. */
export interface FeedActionExtension {
  operationId: string;
  target?: { in: 'body' | 'path' | 'query'; name: string };
  body?: Record<string, unknown>;
}

/** `x-feed` of a home-feed read, as written (specs/openapi/feed.yaml; docs/decisions/0010-feed-design.md). */
export interface FeedExtension {
  strategy?: string;
  fanoutThreshold?: number;
  stalenessMs?: number;
  /** Sort keys, most significant first, each `field` or `field desc`. */
  order?: string[];
  cursor?: string;
  excludes?: string[];
  entry?: { id: string; author: string };
  post?: FeedActionExtension & { id?: string };
  follow?: FeedActionExtension;
  unfollow?: FeedActionExtension;
  block?: FeedActionExtension;
  celebrity?: FeedActionExtension;
  authorFeed?: FeedActionExtension;
  clause?: string;
}

export const authzOf = (operation: Json): AuthzRule[] =>
  Array.isArray(operation?.['x-authz']) ? operation['x-authz'] : [];

export const idempotencyOf = (operation: Json): Idempotency | undefined => operation?.['x-idempotency'] ?? undefined;

export function emitsOf(operation: Json): Emits[] {
  const value = operation?.['x-emits'];
  if (!value) return [];
  const list: Json[] = Array.isArray(value) ? value : [value];
  return list.map((e) => (typeof e === 'string' ? { channel: e } : { channel: e.channel, key: e.key }));
}

export const propagatesOf = (operation: Json): Propagation[] =>
  Array.isArray(operation?.['x-propagates']) ? operation['x-propagates'] : [];

export const publicOf = (operation: Json): PublicDeclaration | undefined => operation?.['x-public'] ?? undefined;

export const feedOf = (operation: Json): FeedExtension | undefined => operation?.['x-feed'] ?? undefined;

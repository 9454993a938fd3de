import { randomBytes } from 'node:crypto';
import { mintToken } from '../engine/tokens.ts';

/** What a state handler may use: the provider under test and how to get a valid token for a user. */
export interface StateContext {
  baseUrl: string;
  /** The platform's HS256 secret, to mint a token for a user created without the users API. */
  jwtSecret?: string;
}

/**
 * What a state leaves for the interaction: the bearer the verifier sends in place of the pact's example token, and
 * values for the request's provider-state expressions (Pact V3 `fromProviderState('${name}', example)`).
 */
export interface StateResult {
  token?: string;
  values?: Record<string, string>;
}

export type ProviderStateHandler = (c: StateContext) => Promise<StateResult>;

const newUserId = () => `9-${randomBytes(8).toString('hex')}`;

async function call(c: StateContext, method: string, path: string, body?: unknown, token?: string): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${c.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`provider state: ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

function minted(c: StateContext, userId = newUserId()): Promise<string> {
  if (!c.jwtSecret)
    throw new Error('this provider state needs --jwt-secret (the platform HS256 secret) to mint a user token');
  return mintToken(c.jwtSecret, userId);
}

/** A user registered through the users API (the provider under test is the users service). */
async function registered(c: StateContext): Promise<{ userId: string; token: string }> {
  const email = `pact-${randomBytes(6).toString('hex')}@example.com`;
  const answer = (await call(c, 'POST', '/users', { email, password: 'pact-password', name: 'pact' })) as {
    user_id: string;
    access_token: string;
  };
  return { userId: answer.user_id, token: answer.access_token };
}

/** A caller who follows two users and blocks one of them; returns the caller's token. */
async function followsTwoBlocksOne(c: StateContext): Promise<string> {
  const [caller, a, b] = [await registered(c), await registered(c), await registered(c)];
  await call(c, 'POST', '/relationships', { related_id: a.userId, type: 1 }, caller.token);
  await call(c, 'POST', '/relationships', { related_id: b.userId, type: 1 }, caller.token);
  await call(c, 'POST', '/relationships', { related_id: b.userId, type: 3 }, caller.token);
  return caller.token;
}

/**
 * The provider states the committed pacts name, keyed by provider and state. Each creates what its interactions
 * need through the provider's own API (as the conformance checks do), so it works against any implementation.
 */
export const PROVIDER_STATES: Record<string, Record<string, ProviderStateHandler>> = {
  media: {
    'a signed-in user': async (c) => ({ token: await minted(c) }),
  },
  users: {
    'the caller follows two users and blocks one of them': async (c) => ({ token: await followsTwoBlocksOne(c) }),
    "the caller's relationships are at a known version": async (c) => {
      const token = await followsTwoBlocksOne(c);
      const response = await fetch(`${c.baseUrl}/relationships?type=1&limit=1`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(60_000),
      });
      const etag = response.headers.get('etag');
      if (!response.ok || !etag)
        throw new Error(`provider state: GET /relationships answered ${response.status} with no ETag`);
      return { token, values: { relationshipsVersion: etag } };
    },
  },
  feedback: {
    'post 42 has likes and comments': async (c) => {
      for (let i = 0; i < 2; i++) {
        const token = await minted(c);
        await call(c, 'POST', '/posts/42/like', undefined, token);
        await call(c, 'POST', '/posts/42/comments', { text: `pact comment ${i}` }, token);
      }
      return {};
    },
  },
};

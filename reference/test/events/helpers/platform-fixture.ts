import { startPlatform, type Platform } from '../../../src/platform/platform.ts';
import type { Database } from '../../../src/shared/db/queryable.ts';
import { defaultHandlers } from '../../../src/events/handlers/index.ts';
import { startTestEventSide } from './event-side-fixture.ts';

export const JWT_SECRET = 'events-test-secret-0123456789abcdef';

export interface PlatformWithEvents {
  platform: Platform;
  side: Awaited<ReturnType<typeof startTestEventSide>>;
  api: (
    path: string,
    init?: { method?: string; token?: string; body?: unknown },
  ) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/**
 * The HTTP platform and the event side on one database, composed as startPlatformWithEvents composes them (the event
 * side's readiness joins the platform's /readyz once it runs).
 */
export async function startPlatformWithEvents(
  db: Database,
  brokers: string[],
  namespace: string,
): Promise<PlatformWithEvents> {
  const platform = await startPlatform({ db, jwtSecret: JWT_SECRET, logLevel: 'silent' });
  const side = await startTestEventSide({
    db,
    brokers,
    namespace,
    handlers: defaultHandlers(),
    relayMaxBackoffMs: 500,
  });
  platform.addReadiness(side.readiness);
  const api: PlatformWithEvents['api'] = async (path, init = {}) => {
    const response = await fetch(`${platform.baseUrl}/api${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    platform,
    side,
    api,
    async close() {
      await side.close();
      await platform.close();
    },
  };
}

let userCounter = 0;

export async function registerUser(api: PlatformWithEvents['api']): Promise<{ id: string; token: string }> {
  const n = ++userCounter;
  const email = `events-${process.pid}-${Date.now()}-${n}@example.test`;
  const { status, body } = await api('/users', { body: { email, password: 'secret-password', name: `user ${n}` } });
  if (status !== 201) throw new Error(`register: ${status} ${JSON.stringify(body)}`);
  return { id: body.user_id, token: body.access_token };
}

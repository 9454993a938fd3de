import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './api-types.ts';

export type ApiClient = Client<paths>;

/**
 * The typed client the tests drive the gateway with (openapi-fetch over types generated from
 * specs/openapi/gateway.yaml by openapi-typescript). `token` becomes `Authorization: Bearer <token>`.
 */
export function apiClient(baseUrl: string, token?: string, extraHeaders: Record<string, string> = {}): ApiClient {
  return createClient<paths>({ baseUrl, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extraHeaders } });
}

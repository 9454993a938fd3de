import { createSocialnetClient } from '@socialnet/generated/ts-client/index.ts';
import type { Client } from 'openapi-fetch';
import type { paths } from '@socialnet/generated/ts-client/index.ts';

export type ApiClient = Client<paths>;

/**
 * The generated TypeScript client (generated/ts-client: openapi-typescript types + openapi-fetch, from
 * specs/openapi/gateway.yaml) that every endpoint test drives the gateway with. `token` → `Authorization: Bearer`.
 */
export function apiClient(baseUrl: string, token?: string, extraHeaders: Record<string, string> = {}): ApiClient {
  return createSocialnetClient({ baseUrl, token, headers: extraHeaders });
}

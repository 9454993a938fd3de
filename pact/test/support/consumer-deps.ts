import { createServiceClient } from '../../../reference/src/shared/http/service-client.ts';
import { forwardsBearer, type PlatformVariant } from '../../../reference/src/platform/variant.ts';
import type { PlatformDeps } from '../../../reference/src/platform/deps.ts';
import type { ServiceName } from '../../../reference/src/platform/service-names.ts';
import { createLogger } from '../../../reference/src/shared/observability/logger.ts';
import type { Principal } from '../../../reference/src/shared/auth/principal.ts';

/**
 * What a consumer service's handlers get, with every other service at the Pact mock server: the same
 * `createServiceClient` and bearer-forwarding rule the platform wires (reference/src/platform/platform.ts), so a
 * variant (a defect fixture) changes the calls exactly as it does in the running platform.
 */
export function depsCalling(from: ServiceName, mockUrl: string, variant?: PlatformVariant): PlatformDeps {
  return {
    client: (to: ServiceName) => createServiceClient(to, () => mockUrl, forwardsBearer(variant, from, to)),
    log: createLogger('silent'),
  } as unknown as PlatformDeps;
}

/** The caller whose request the consumer is serving; the token is whatever their client sent. */
export const CALLER: Principal = { userId: '1-9f3c2a7b1d4e5f60', roles: [], token: 'caller-token' };

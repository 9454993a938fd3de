import {
  createLogger,
  createServiceClient,
  forwardsBearer,
  type PlatformDeps,
  type PlatformVariant,
  type Principal,
  type ServiceName,
} from '@socialnet/reference';

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

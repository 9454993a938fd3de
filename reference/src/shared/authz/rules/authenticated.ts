import type { AuthzRule } from '../types.ts';

/** Any valid token: said explicitly where any user may use the resource. */
export const authenticated: AuthzRule = { defaultDeny: 401, needs: [], allows: async () => true };

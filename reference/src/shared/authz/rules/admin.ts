import type { AuthzRule } from '../types.ts';

/** The token's `roles` claim contains `admin`. */
export const admin: AuthzRule = {
  defaultDeny: 403,
  needs: [],
  allows: async ({ principal }) => principal.roles.includes('admin'),
};

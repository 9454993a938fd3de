import type { AuthzRule } from '../types.ts';

/** The resource is the caller's own user id (e.g. GET /users/{user_id}/notifications). */
export const self: AuthzRule = {
  defaultDeny: 403,
  needs: [],
  allows: async ({ principal, resource }) => resource !== undefined && String(resource) === principal.userId,
};

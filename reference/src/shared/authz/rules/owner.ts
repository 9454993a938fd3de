import type { AuthzRule } from '../types.ts';

/** The caller owns the resource; `kind` (comment, media, notification) says which table the service looks in. */
export const owner: AuthzRule = {
  defaultDeny: 404,
  needs: ['ownerOf'],
  async allows({ principal, resource, spec, lookups }) {
    if (resource === undefined || resource === null || resource === '') return false;
    if (!spec.kind) throw new Error('x-authz rule "owner" needs a "kind"');
    return (await lookups.ownerOf!(spec.kind, String(resource))) === principal.userId;
  },
};

import { dropAuthz, type PlatformVariant } from '@socialnet/reference';

/**
 * Issue 12, behaviour 5: a media service with no owner check on delete (any signed-in user deletes any key, as the
 * original's did) while posts DOES forward the caller's bearer. Propagation is correct here; the hole is media's.
 */
export const mediaWithoutOwnerCheck: PlatformVariant = {
  name: 'media-without-owner-check',
  transformSpec(service, doc) {
    if (service === 'media') dropAuthz(doc, 'deleteMedia', 'owner');
  },
};

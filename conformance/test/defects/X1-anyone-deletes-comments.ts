import { dropAuthz } from '@socialnet/reference';
import { defineDefect } from './fixture.ts';

/** Not a review defect: a mutation that proves authz.owner. Any signed-in user may delete any comment. */
export default defineDefect({
  id: 'X1',
  slug: 'anyone-deletes-comments',
  reproduces:
    "a mutation (the original media service's 'any user deletes any key' hole, on comments): deleteComment without its owner rule",
  variant: {
    transformSpec(service, doc) {
      if (service === 'feedback') dropAuthz(doc, 'deleteComment', 'owner');
    },
  },
});

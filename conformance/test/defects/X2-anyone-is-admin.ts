import { dropAuthz } from '@socialnet/reference';
import { defineDefect } from './fixture.ts';

/** Not a review defect: a mutation that proves authz.admin (the original let any user promote celebrities at A). */
export default defineDefect({
  id: 'X2',
  slug: 'anyone-is-admin',
  reproduces: 'the original feed service at A: POST/DELETE /celebrities/{user_id} for any signed-in user',
  variant: {
    transformSpec(service, doc) {
      if (service !== 'feed') return;
      for (const op of ['addCelebrity', 'removeCelebrity']) dropAuthz(doc, op, 'admin');
    },
  },
});

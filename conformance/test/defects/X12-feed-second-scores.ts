import { secondScores } from '../feed/original-facets.ts';
import { defineDefect } from './fixture.ts';

/** Not a review defect: a mutation that proves feed.order (system-under-review §6.3, whole-second scores). */
export default defineDefect({
  id: 'X12',
  slug: 'feed-second-scores',
  reproduces: "the original rebuild's order: whole-second scores, ties in an arbitrary order",
  variant: { handlers: { feed: { ...secondScores } } },
});

import { followeesOnce } from '../feed/original-facets.ts';
import { defineDefect } from './fixture.ts';

/** Not a review defect: a mutation that proves feed.excludes (system-under-review §6.3, followees read once). */
export default defineDefect({
  id: 'X13',
  slug: 'feed-followees-once',
  reproduces: "the original rebuild's followees: read once and never again, blocks ignored (unfollows and blocks never take effect)",
  variant: { handlers: { feed: { ...followeesOnce() } } },
});

import { offsetPages } from '../feed/original-facets.ts';
import { defineDefect } from './fixture.ts';

/** Not a review defect: a mutation that proves feed.cursor-stable (system-under-review §6.3, offset paging). */
export default defineDefect({
  id: 'X11',
  slug: 'feed-offset-pages',
  reproduces: 'the original home feed paged by offset: posts that arrive while a reader pages shift the later pages',
  variant: { handlers: { feed: { ...offsetPages } } },
});

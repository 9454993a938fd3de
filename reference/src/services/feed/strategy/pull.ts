import { homeAuthors } from '../followees.ts';
import { timelinesRepo } from '../repositories/timelines.ts';
import type { FeedStrategy } from './feed-strategy.ts';

/**
 * Fan-out on read (threshold 0): every followee's author timeline merged at read time. Nothing is materialised, so
 * a rebuild only re-reads the followees from the users service, surfacing its errors as the spec says.
 */
export const pullStrategy: FeedStrategy = {
  async homePage(deps, reader, limit, after) {
    return timelinesRepo.page(deps.db, await homeAuthors(deps, reader), limit, after);
  },
  async rebuild(deps, reader) {
    await homeAuthors(deps, reader);
  },
};

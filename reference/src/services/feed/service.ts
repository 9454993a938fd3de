import { fileURLToPath } from 'node:url';
import type { feed } from '@socialnet/generated/server-types/index.ts';
import type { HandlersOf, ServiceModule } from '../../platform/service-module.ts';
import { whoami } from '../whoami.ts';
import { addCelebrity } from './handlers/addCelebrity.ts';
import { getAuthorFeed } from './handlers/getAuthorFeed.ts';
import { getCelebrityFeed } from './handlers/getCelebrityFeed.ts';
import { getHomeFeed } from './handlers/getHomeFeed.ts';
import { listCelebrities } from './handlers/listCelebrities.ts';
import { rebuildHomeFeed } from './handlers/rebuildHomeFeed.ts';
import { removeCelebrity } from './handlers/removeCelebrity.ts';

/** Feeds read from feed.author_timeline, which the posts.created consumer (reference/src/events) fills. */
export const feedService: ServiceModule = {
  name: 'feed',
  specFile: 'feed.yaml',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  handlers: {
    getAuthorFeed,
    getHomeFeed,
    rebuildHomeFeed,
    listCelebrities,
    addCelebrity,
    removeCelebrity,
    getCelebrityFeed,
    feedWhoami: whoami,
  } satisfies HandlersOf<feed.operations>,
  lookups: () => ({}),
};

import { fileURLToPath } from 'node:url';
import type { posts } from '@socialnet/generated/server-types/index.ts';
import type { HandlersOf, ServiceModule } from '../../platform/service-module.ts';
import { whoami } from '../whoami.ts';
import { createPost } from './handlers/createPost.ts';
import { getPost } from './handlers/getPost.ts';
import { listUserPosts } from './handlers/listUserPosts.ts';
import { uploadPost } from './handlers/uploadPost.ts';
import { viewPost } from './handlers/viewPost.ts';

/** Posts; creating one writes `posts.created` to the outbox. Calls media (upload) and feedback (counts) over HTTP. */
export const postsService: ServiceModule = {
  name: 'posts',
  specFile: 'posts.yaml',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  handlers: {
    createPost,
    uploadPost,
    getPost,
    listUserPosts,
    viewPost,
    postsWhoami: whoami,
  } satisfies HandlersOf<posts.operations>,
  lookups: () => ({}),
};

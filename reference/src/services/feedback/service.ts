import { fileURLToPath } from 'node:url';
import type { feedback } from '@socialnet/generated/server-types/index.ts';
import type { HandlersOf, ServiceModule } from '../../platform/service-module.ts';
import { whoami } from '../whoami.ts';
import { createComment } from './handlers/createComment.ts';
import { deleteComment } from './handlers/deleteComment.ts';
import { getPostCounts } from './handlers/getPostCounts.ts';
import { getPostLikes } from './handlers/getPostLikes.ts';
import { likePost } from './handlers/likePost.ts';
import { listPostComments } from './handlers/listPostComments.ts';
import { unlikePost } from './handlers/unlikePost.ts';
import { feedbackRepo } from './repositories/feedback.ts';

/** Likes and comments (mounted by the gateway under /api/feedback, as the original's). */
export const feedbackService: ServiceModule = {
  name: 'feedback',
  specFile: 'feedback.yaml',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  handlers: {
    getPostLikes,
    likePost,
    unlikePost,
    listPostComments,
    createComment,
    getPostCounts,
    deleteComment,
    feedbackWhoami: whoami,
  } satisfies HandlersOf<feedback.operations>,
  lookups: (db) => ({
    ownerOf: async (kind, id) => (kind === 'comment' ? feedbackRepo.commentOwner(db, id) : undefined),
  }),
};

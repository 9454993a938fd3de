import type { posts } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { storePost } from './store-post.ts';

export const createPost: Handler<posts.operations['createPost']> = async (ctx) => {
  const { description, media_url = '', tags } = ctx.body;
  return storePost(ctx, caller(ctx).userId, description, media_url, tags);
};

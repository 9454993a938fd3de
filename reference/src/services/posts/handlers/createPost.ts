import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { storePost } from './store-post.ts';

export const createPost: Handler = async (ctx) => {
  const { description, media_url = '', tags } = ctx.body as { description: string; media_url?: string; tags?: string[] };
  return storePost(ctx, caller(ctx).userId, description, media_url, tags);
};

import type { feed } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { timelinesRepo } from '../repositories/timelines.ts';

export const listCelebrities: Handler<feed.operations['listCelebrities']> = async (ctx) => ({
  status: 200,
  body: { items: await timelinesRepo.celebrities(ctx.db) },
});

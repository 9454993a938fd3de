import type { Handler } from '../../../platform/service-module.ts';
import { timelinesRepo } from '../repositories/timelines.ts';

export const listCelebrities: Handler = async (ctx) => ({ status: 200, body: { items: await timelinesRepo.celebrities(ctx.db) } });

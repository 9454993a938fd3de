import type { Handler } from '../../../platform/service-module.ts';
import { interestsRepo } from '../repositories/interests.ts';

export const createInterest: Handler = async ({ body, db }) => ({ status: 201, body: await interestsRepo.upsert(db, (body as { name: string }).name) });

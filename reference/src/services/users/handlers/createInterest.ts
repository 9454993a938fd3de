import type { users } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { interestsRepo } from '../repositories/interests.ts';

export const createInterest: Handler<users.operations['createInterest']> = async ({ body, db }) => ({
  status: 201,
  body: await interestsRepo.upsert(db, body.name),
});

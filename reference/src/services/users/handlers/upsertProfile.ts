import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { profilesRepo } from '../repositories/profiles.ts';

const MAX_OBJECT_BYTES = 16 * 1024;

export const upsertProfile: Handler<users.operations['upsertProfile']> = async (ctx) => {
  for (const field of ['education', 'hobby'] as const) {
    const value = ctx.body[field];
    if (value && Buffer.byteLength(JSON.stringify(value)) > MAX_OBJECT_BYTES) {
      throw new ProblemError('validation-failed', `${field} is larger than 16 KiB`, {
        errors: [{ pointer: `/body/${field}`, message: 'larger than 16 KiB serialised' }],
      });
    }
  }
  await profilesRepo.upsert(ctx.db, caller(ctx).userId, ctx.body);
  return { status: 200, body: { status: 'ok' } };
};

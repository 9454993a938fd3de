import type { Queryable } from '../../../shared/db/queryable.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import { usersRepo } from '../repositories/users.ts';

/** A graph edge needs another, existing user: 400 for oneself, 404 for an unknown id. */
export async function requireOtherUser(db: Queryable, self: string, target: string, pointer: string): Promise<void> {
  if (target === self)
    throw new ProblemError('validation-failed', 'cannot relate to yourself', {
      errors: [{ pointer, message: 'must not be your own user id' }],
    });
  if (!(await usersRepo.exists(db, target))) throw new ProblemError('not-found', `user ${target} not found`);
}

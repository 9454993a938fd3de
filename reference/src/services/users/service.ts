import { fileURLToPath } from 'node:url';
import type { users } from '@socialnet/generated/server-types/index.ts';
import type { HandlersOf, ServiceModule } from '../../platform/service-module.ts';
import { addFriend } from './handlers/addFriend.ts';
import { attachInterest } from './handlers/attachInterest.ts';
import { createInterest } from './handlers/createInterest.ts';
import { createRelationship } from './handlers/createRelationship.ts';
import { deleteRelationship } from './handlers/deleteRelationship.ts';
import { detachInterest } from './handlers/detachInterest.ts';
import { followUser } from './handlers/followUser.ts';
import { getProfile } from './handlers/getProfile.ts';
import { getUser } from './handlers/getUser.ts';
import { listFollowers } from './handlers/listFollowers.ts';
import { listFollowing } from './handlers/listFollowing.ts';
import { listFriends } from './handlers/listFriends.ts';
import { listInterests } from './handlers/listInterests.ts';
import { listRelationships } from './handlers/listRelationships.ts';
import { listUsers } from './handlers/listUsers.ts';
import { loginUser } from './handlers/loginUser.ts';
import { registerUser } from './handlers/registerUser.ts';
import { removeFriend } from './handlers/removeFriend.ts';
import { unfollowUser } from './handlers/unfollowUser.ts';
import { upsertProfile } from './handlers/upsertProfile.ts';
import { usersWhoami } from './handlers/usersWhoami.ts';

/** Registration, login (the only token issuer), profiles, interests and the social graph. */
export const usersService: ServiceModule = {
  name: 'users',
  specFile: 'users.yaml',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  handlers: {
    registerUser,
    loginUser,
    getUser,
    listUsers,
    usersWhoami,
    upsertProfile,
    getProfile,
    createInterest,
    listInterests,
    attachInterest,
    detachInterest,
    followUser,
    unfollowUser,
    listFollowing,
    addFriend,
    removeFriend,
    listFriends,
    createRelationship,
    deleteRelationship,
    listRelationships,
    listFollowers,
  } satisfies HandlersOf<users.operations>,
  lookups: () => ({}),
};

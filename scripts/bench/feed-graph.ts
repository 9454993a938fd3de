// The social graph of scripts/bench/feed.ts, written straight into the services' tables (registering through the
// API runs the password KDF, seconds per user here): users, follow relationships, and author timelines.
import type { Queryable } from '../../reference/src/shared/db/queryable.ts';
import { DUMMY_PASSWORD_HASH } from '../../reference/src/shared/auth/password.ts';

/** User number `n` as a user id of the users service's shape (`<shard>-<hex>`). */
export const userId = (n: number) => `${n % 4}-${(0x100000 + n).toString(16)}`;

/** Users 1..count (numbers as in `userId`). */
export async function seedUsers(db: Queryable, from: number, to: number) {
  await db.query(
    `INSERT INTO users.users (user_id, shard_id, email, name, password_hash)
     SELECT (i % 4) || '-' || to_hex(1048576 + i), i % 4, 'bench-' || i || '@example.com', 'bench ' || i, $3
       FROM generate_series($1::int, $2::int) i ON CONFLICT DO NOTHING`,
    [from, to, DUMMY_PASSWORD_HASH],
  );
}

/** Users from..to follow `author` (relationships of type 1). */
export async function seedFollowers(db: Queryable, author: number, from: number, to: number) {
  await db.query(
    `INSERT INTO users.relationships (user_id, related_id, type)
     SELECT (i % 4) || '-' || to_hex(1048576 + i), $1, 1 FROM generate_series($2::int, $3::int) i WHERE i <> $4
     ON CONFLICT DO NOTHING`,
    [userId(author), from, to, author],
  );
}

/** `reader` follows users from..to. */
export async function seedFollowees(db: Queryable, reader: number, from: number, to: number) {
  await db.query(
    `INSERT INTO users.relationships (user_id, related_id, type)
     SELECT $1, (i % 4) || '-' || to_hex(1048576 + i), 1 FROM generate_series($2::int, $3::int) i ON CONFLICT DO NOTHING`,
    [userId(reader), from, to],
  );
}

/** `perAuthor` posts for each of users from..to in their author timelines, spread over the last week. */
export async function seedTimelines(db: Queryable, from: number, to: number, perAuthor: number) {
  await db.query(
    `INSERT INTO feed.author_timeline (author_id, post_id, snippet, created_at)
     SELECT (a % 4) || '-' || to_hex(1048576 + a), 1000000000000 + a::bigint * 1000 + k, 'bench post ' || k,
            now() - make_interval(secs => (random() * 7 * 86400)::int)
       FROM generate_series($1::int, $2::int) a, generate_series(1, $3::int) k ON CONFLICT DO NOTHING`,
    [from, to, perAuthor],
  );
}

import type { users } from '@socialnet/generated/server-types/index.ts';
import { entityTag, noneMatchHits } from '../../../shared/http/entity-tags.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

/** The ETag is the version of all the caller's relationships, read before the page so it never claims a newer one. */
export const listRelationships: Handler<users.operations['listRelationships']> = async (ctx) => {
  const { limit, offset, type } = ctx.query;
  const me = caller(ctx).userId;
  const etag = entityTag(`r-${await graphRepo.relationshipsVersion(ctx.db, me)}`);
  if (noneMatchHits(ctx.headers['if-none-match'], etag)) return { status: 304, headers: { ETag: etag } };
  const items = await graphRepo.related(ctx.db, me, type, limit, offset);
  return { status: 200, headers: { ETag: etag }, body: { items, type, limit, offset } };
};

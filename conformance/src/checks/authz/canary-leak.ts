import { defineCheck } from '../../engine/check.ts';
import { strangerDenial } from '../../engine/authz.ts';
import type { HttpResponse } from '../../engine/http.ts';
import { creatorOf, kindOf } from '../../engine/recipe-lookup.ts';
import { USER_ID } from '../../engine/recipes.data.ts';
import { reachable } from '../../engine/target.ts';
import type { Operation } from '../../spec/types.ts';

/**
 * The owner seeds one of every resource an authorization rule protects with a unique canary; a stranger then calls every
 * read operation, on their own data and on the owner's protected resources, and no answer may contain the canary.
 */
export default defineCheck<string>({
  id: 'authz.canary-leak',
  title: "No response a stranger receives contains the owner's private data",
  clause: 'SN-AUTHZ-NO-EXISTENCE-ORACLE',
  tags: ['authz', 'defect:D3', 'defect:D5'],
  failure: "A stranger received the owner's private data",
  targets: () => ['every read operation'],
  async run(ctx) {
    const [owner, stranger] = await Promise.all([ctx.user('owner'), ctx.user('stranger')]);
    const seeded = ctx.resolver(owner);
    const own = ctx.resolver(stranger);
    for (const kind of protectedKinds(ctx.spec.operations)) {
      const creator = creatorOf(ctx.spec.operations, kind);
      if (!creator || !reachable(ctx.target, creator)) continue;
      await seeded.resource(kind).catch(() => undefined);
    }
    if (seeded.created.length === 0) ctx.block('the owner could not create any resource to seed');
    const scan = (res: HttpResponse, read: Operation, what: string) => {
      if (res.text.includes(seeded.canary)) {
        const clause = strangerDenial(read)?.clause;
        ctx.fail({
          severity: 'security',
          clause,
          expected: `no owner data in ${what}`,
          received: `${res.status} containing the owner's canary "${seeded.canary}"`,
          response: res,
          operation: read,
        });
      }
    };
    const reads = ctx.spec.operations.filter((o) => o.method === 'get' && reachable(ctx.target, o));
    for (const read of reads) {
      // The stranger's own view: lists, feeds and searches must not include the owner's private data.
      const mine = await own.fill(read).catch(() => undefined);
      if (mine)
        scan(await ctx.send(read, mine, { as: stranger }), read, `${read.operationId} on the stranger's own data`);
      // The owner's protected resources, asked for by the stranger (and anonymously).
      if (!strangerDenial(read)) continue;
      const theirs = await seeded.fill(read, { existingOnly: true });
      if (!theirs) continue;
      scan(await ctx.send(read, theirs, { as: stranger }), read, `${read.operationId} on the owner's resources`);
      scan(
        await ctx.send(read, theirs, { as: null }),
        read,
        `${read.operationId} on the owner's resources, anonymously`,
      );
    }
  },
});

/** Kinds of resource some rule other than `authenticated` protects (public data such as user names is not seeded). */
function protectedKinds(operations: Operation[]): string[] {
  const kinds = new Set<string>();
  for (const op of operations) {
    for (const rule of op.authz) {
      if (rule.rule === 'authenticated' || !rule.resource) continue;
      const refs = 'in' in rule.resource ? [rule.resource as { name: string }] : Object.values(rule.resource);
      for (const ref of refs) if (!USER_ID.test(ref.name)) kinds.add(kindOf(op, ref.name));
    }
  }
  return [...kinds].sort();
}

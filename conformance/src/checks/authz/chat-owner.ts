import { defineCheck } from '../../engine/check.ts';
import { hasRule, judgeStranger, snapshot } from '../../engine/authz.ts';
import { is2xx } from '../../engine/verdict.ts';

/**
 * Owner-only chat operations refuse a member who is not the owner. authz.chat-membership only tries a non-member,
 * who the `chat-member` rule refuses first; `prove --mutants` showed that removing `chat-owner` went unnoticed.
 */
export default defineCheck({
  id: 'authz.chat-owner',
  title: "A member who is not the chat's owner gets the specified status on every chat-owner operation",
  clause: 'SN-AUTHZ-CHAT-OWNER',
  tags: ['authz', 'defect:X11'],
  failure: "A member who is not the chat's owner was not refused as the spec says",
  targets: (spec) => spec.operations.filter((op) => hasRule(op, 'chat-owner')),
  async run(ctx, op) {
    // the spec's own way to make someone a member: the owner-only operation that takes the new member's user id
    const add = ctx.spec.operations.find(
      (o) => hasRule(o, 'chat-owner') && o.parameters.some((p) => p.in === 'path' && p.name === 'user_id'),
    );
    if (!add) return ctx.skip('no chat-owner operation adds a member by user_id');
    const rule = op.authz.find((r) => r.rule === 'chat-owner')!;
    const [owner, member] = await Promise.all([ctx.freshUser('owner'), ctx.freshUser('member')]);
    const resolver = ctx.resolver(owner);
    const request = (await resolver.fill(op))!;
    const joined = await ctx.send(
      add,
      { ...request, path: { ...request.path, user_id: member.id }, body: undefined, form: undefined },
      { as: owner },
    );
    if (!is2xx(joined.status))
      ctx.block(`the owner could not add a member (${add.operationId} answered ${joined.status})`);
    const before = op.method !== 'get' ? await snapshot(ctx, owner, resolver) : undefined;
    const response = await ctx.send(op, request, { as: member, refusalExpected: true });
    if (response.status === 401)
      ctx.block(`the member's valid token was refused with 401 by ${op.service} (see authn.accepts-valid-jwt)`);
    await judgeStranger(ctx, { owner, stranger: member, resolver, request, response, rule, before, freshOwner: true });
  },
});

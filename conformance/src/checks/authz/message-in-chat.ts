import { defineCheck } from '../../engine/check.ts';
import { judgeNoLeak, judgeRefusal } from '../../engine/verdict.ts';
import type { ResourceRef } from '../../spec/types.ts';

/** A message id from another chat is not readable through a chat the caller belongs to. */
export default defineCheck({
  id: 'authz.message-in-chat',
  title: 'A message of another chat is refused through a chat the caller is a member of',
  clause: 'SN-AUTHZ-MESSAGE-IN-CHAT',
  tags: ['authz', 'defect:X8'],
  failure: 'A message was served through a chat it does not belong to',
  targets: (spec) => spec.operationsWithRule('message-in-chat'),
  async run(ctx, op) {
    const rule = op.authz.find((r) => r.rule === 'message-in-chat')!;
    const refs = rule.resource as Record<string, ResourceRef> | undefined;
    const messageKind = refs?.message?.name.replace(/_id$/, '') ?? 'message';
    const chatKind = refs?.chat?.name.replace(/_id$/, '') ?? 'chat';
    const member = await ctx.user('member');
    // Two chats of the same user; the message lives in the second and is asked for through the first.
    const first = ctx.resolver(member);
    const second = ctx.resolver(member);
    await first.resource(chatKind);
    first.set(messageKind, await second.resource(messageKind));
    const res = await ctx.send(op, (await first.fill(op))!, { as: member });
    if (res.status === 401) ctx.block(`the member's valid token was refused by ${op.service}`);
    if (judgeRefusal(ctx, res, rule.deny ?? 404, 'a message that belongs to another chat'))
      judgeNoLeak(ctx, res, second.canary, 'the refusal');
  },
});

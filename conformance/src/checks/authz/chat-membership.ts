import { defineCheck } from '../../engine/check.ts';
import { hasRule, judgeStranger, strangerAttempt } from '../../engine/authz.ts';

/** Send, send-with-upload, history, mark-seen and every other chat operation refuse a non-member. */
export default defineCheck({
  id: 'authz.chat-membership',
  title: 'A signed-in non-member gets the specified status on every chat-member operation',
  clause: 'SN-AUTHZ-CHAT-MEMBER',
  tags: ['authz', 'defect:D3'],
  failure: 'A user who is not a member of the chat was not refused as the spec says',
  targets: (spec) =>
    spec.operations.filter((op) => hasRule(op, 'chat-member', 'message-chat-member', 'chat-joinable', 'chat-owner')),
  async run(ctx, op) {
    await judgeStranger(ctx, await strangerAttempt(ctx, op));
  },
});

import type { AuthzRuleName } from '@socialnet/specs/model';
import type { AuthzRule } from './types.ts';
import { admin } from './rules/admin.ts';
import { authenticated } from './rules/authenticated.ts';
import { chatJoinable } from './rules/chat-joinable.ts';
import { chatMember } from './rules/chat-member.ts';
import { chatOwner } from './rules/chat-owner.ts';
import { messageChatMember } from './rules/message-chat-member.ts';
import { messageInChat } from './rules/message-in-chat.ts';
import { owner } from './rules/owner.ts';
import { self } from './rules/self.ts';

/**
 * The rule registry, keyed by the `rule` value of `x-authz`: one implementation per name of the spec model's
 * AUTHZ_RULE_NAMES (`satisfies` fails the build on a missing or extra rule; test/authz-rule-names.test.ts also
 * compares the lint rule and the table in docs/spec-conventions.md).
 */
export const AUTHZ_RULES: Record<string, AuthzRule> = {
  admin,
  authenticated,
  'chat-joinable': chatJoinable,
  'chat-member': chatMember,
  'chat-owner': chatOwner,
  'message-chat-member': messageChatMember,
  'message-in-chat': messageInChat,
  owner,
  self,
} satisfies Record<AuthzRuleName, AuthzRule>;

/**
 * The `x-authz` rule registry: every value `rule` may take (docs/spec-conventions.md, "Authorization"). The lint
 * (`sn-authz-rule-shape`) accepts exactly these, the reference implements one file per name
 * (`reference/src/shared/authz/rules/<rule>.ts`), and reference/test/authz-rule-names.test.ts keeps the three and
 * the docs table in step.
 */
export const AUTHZ_RULE_NAMES = [
  'authenticated',
  'self',
  'chat-member',
  'chat-owner',
  'chat-joinable',
  'message-chat-member',
  'message-in-chat',
  'owner',
  'admin',
] as const;

export type AuthzRuleName = (typeof AUTHZ_RULE_NAMES)[number];

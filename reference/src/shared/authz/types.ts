import type { Principal } from '../auth/principal.ts';

/** Where a rule's resource value comes from (spec-conventions `x-authz[].resource`). */
export interface ResourceRef {
  in: 'path' | 'query' | 'body' | 'multipart' | 'token';
  name?: string;
}

/** One entry of an operation's `x-authz` list. */
export interface AuthzRuleSpec {
  rule: string;
  resource?: ResourceRef | Record<string, ResourceRef>;
  deny?: number;
  kind?: string;
  clause?: string;
  why?: string;
}

/**
 * The data a service lends to the rules for the resources it owns. A service implements only what its
 * operations' rules need; an `x-authz` rule whose lookup is missing fails the service's start, not a request.
 */
export interface AuthzLookups {
  isChatMember?(chatId: number, userId: string): Promise<boolean>;
  chatOwner?(chatId: number): Promise<string | undefined>;
  isChatOpen?(chatId: number): Promise<boolean | undefined>;
  messageChat?(messageId: number): Promise<number | undefined>;
  ownerOf?(kind: string, id: string): Promise<string | undefined>;
}

export interface RuleInput {
  principal: Principal;
  /** The resolved resource value(s): one value, or one per named part (`{message, chat}`). */
  resource: unknown;
  spec: AuthzRuleSpec;
  lookups: AuthzLookups;
}

export interface AuthzRule {
  /** Status when the rule refuses and `x-authz` names none. */
  defaultDeny: number;
  /** The lookups this rule needs, checked when a service starts. */
  needs: (keyof AuthzLookups)[];
  allows(input: RuleInput): Promise<boolean>;
}

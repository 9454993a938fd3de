import type { Guarantee } from '../../src/mutants/guarantees.ts';

/**
 * Mutants that cannot be killed because removing the spec's rule changes nothing a client can observe: another
 * layer of the reference enforces the same guarantee. Each is listed with why, and the equivalence is shown by a
 * test (mutants.test.ts) and by `prove --mutants` itself: a listed mutant that is killed is reported as a problem.
 */
export const EQUIVALENTS: Array<{ match: (g: Guarantee) => boolean; why: string }> = [
  {
    match: (g) => g.family === 'authz' && g.detail === 'authenticated',
    why: 'the rule admits every caller with a valid token; refusing the others is the security requirement, whose own mutant (security:<operation>) is killed',
  },
  {
    match: (g) => g.id === 'authz:getChatMessage:message-in-chat',
    why: 'defence in depth: the handler reads the message by (chat_id, message_id), so a message of another chat is a 404 without the rule',
  },
  {
    match: (g) => g.id === 'inbox:feed-service:posts.created',
    why: "defence in depth: the timeline's primary key (author_id, post_id) and ON CONFLICT DO NOTHING make the effect idempotent, so a redelivered posts.created lists the post once without the inbox",
  },
];

export const equivalenceOf = (g: Guarantee): string | undefined => EQUIVALENTS.find((e) => e.match(g))?.why;

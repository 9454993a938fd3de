import { describe, expect, it } from 'vitest';
import { mutantsJson, mutantsText } from '../../src/mutants/report.ts';
import { proveMutants } from '../../src/mutants/run.ts';

/**
 * `conformance prove --mutants` end to end on a handful of mutants (the whole analysis is a benchmark:
 * scripts/bench/conformance.ts, docs/mutants.md). Each run starts the reference once and each mutant's service beside it.
 */
describe('prove --mutants', () => {
  it(
    'kills one mutant of each HTTP family and shows the listed equivalent mutant equivalent',
    { timeout: 600_000 },
    async () => {
      const killable = [
        'authz:sendMessage:chat-member',
        'security:listUserNotifications',
        'idempotency:createComment',
        'propagation:uploadPost:media',
        'emits:createPost:posts.created',
        'feed:getHomeFeed:excludes-blocked',
      ];
      const equivalent = 'authz:getChatMessage:message-in-chat';
      const report = await proveMutants({ mutants: [...killable, equivalent], parallel: 4 });
      const byId = new Map(report.results.map((r) => [r.id, r]));
      for (const id of killable) expect(byId.get(id)?.status, `${id}: ${JSON.stringify(byId.get(id))}`).toBe('killed');
      expect(byId.get('authz:sendMessage:chat-member')!.killedBy).toContain('authz.chat-membership');
      expect(byId.get('propagation:uploadPost:media')!.killedBy).toEqual(['propagation.caller-bearer']);
      expect(byId.get('emits:createPost:posts.created')!.killedBy).toContain('events.emitted');

      // equivalent: the check written for the rule ran against the mutant and passed, and the listing says why
      const eq = byId.get(equivalent)!;
      expect(eq.status).toBe('equivalent');
      expect(eq.checks.find((c) => c.id === 'authz.message-in-chat')).toMatchObject({ status: 'pass' });
      expect(eq.equivalent).toMatch(/handler reads the message by \(chat_id, message_id\)/);

      expect(report).toMatchObject({ mutants: 7, killed: 6, equivalent: 1, survived: 0, errors: 0, problems: [] });
      expect(mutantsText(report)).toContain('mutants 7, killed 6, equivalent 1, survived 0');
      expect(JSON.parse(mutantsJson(report))).toMatchObject({
        pass: true,
        byFamily: { authz: { mutants: 2, killed: 1, equivalent: 1 } },
      });
    },
  );

  it(
    'a mutant whose checks are excluded survives, and the run fails naming its guarantee',
    { timeout: 600_000 },
    async () => {
      const report = await proveMutants({ mutants: ['authz:deleteComment:owner'], skip: ['authz'] });
      expect(report).toMatchObject({ mutants: 1, killed: 0, survived: 1 });
      expect(report.problems).toEqual([expect.stringContaining('mutant authz:deleteComment:owner survived')]);
      expect(report.problems[0]).toContain('deleteComment is refused unless rule owner holds');
      expect(JSON.parse(mutantsJson(report)).pass).toBe(false);
      expect(mutantsText(report)).toContain('mutants 1, killed 0, equivalent 0, survived 1');
    },
  );
});

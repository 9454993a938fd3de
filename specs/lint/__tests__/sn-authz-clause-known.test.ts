import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { FIXTURE_CLAUSES, lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-authz-clause-known';
const options = { clausesFile: FIXTURE_CLAUSES };

describe(RULE, () => {
  it('is silent when the clause is in the registry', async () => {
    expect(await lintWithRule(RULE, goodOpenApi(), options)).toEqual([]);
  });

  it('fires on a clause the registry does not have', async () => {
    const doc = withChange((_d, send) => (send['x-authz'][0]!.clause = 'SN-AUTHZ-CHAT-MEMBERS'));
    expect(await lintWithRule(RULE, doc, options)).toEqual([
      {
        code: RULE,
        path: 'paths./chats/{chat_id}/messages.post.x-authz.0.clause',
        message: 'Clause `SN-AUTHZ-CHAT-MEMBERS` is not in specs/clauses.yaml.',
      },
    ]);
  });
});

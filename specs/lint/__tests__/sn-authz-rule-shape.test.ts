import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-authz-rule-shape';
const AUTHZ = 'paths./chats/{chat_id}/messages.post.x-authz';

describe(RULE, () => {
  it('is silent on registry rules with deny, clause and why (and on a bare `authenticated`)', async () => {
    const doc = withChange((_d, send) =>
      send['x-authz'].push({ rule: 'authenticated', clause: 'SN-AUTHZ-AUTHENTICATED' } as never),
    );
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
    expect(await lintWithRule(RULE, doc)).toEqual([]);
  });

  it('fires on a rule that is not in the registry', async () => {
    const doc = withChange((_d, send) => (send['x-authz'][0]!.rule = 'chat-admin'));
    const found = await lintWithRule(RULE, doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: RULE, path: `${AUTHZ}.0.rule` });
    expect(found[0]!.message).toMatch(/must be equal to one of the allowed values/);
  });

  it.each([
    ['a deny status other than 403/404', (e: Record<string, unknown>) => (e.deny = 401), `${AUTHZ}.0.deny`],
    ['a missing why', (e: Record<string, unknown>) => delete e.why, `${AUTHZ}.0`],
    ['a malformed clause id', (e: Record<string, unknown>) => (e.clause = 'chat member'), `${AUTHZ}.0.clause`],
  ])('fires on %s', async (_name, change, path) => {
    const doc = withChange((_d, send) => change(send['x-authz'][0] as unknown as Record<string, unknown>));
    const found = await lintWithRule(RULE, doc);
    expect(found.map(({ code, path: p }) => ({ code, path: p }))).toEqual([{ code: RULE, path }]);
  });
});

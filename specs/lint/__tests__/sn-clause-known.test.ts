import { describe, expect, it } from 'vitest';
import { goodAsyncApi, withChange } from './__helpers__/documents.ts';
import { FIXTURE_CLAUSES, lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-clause-known';
const options = { clausesFile: FIXTURE_CLAUSES };

describe(RULE, () => {
  it('is silent when every cited clause is in the registry', async () => {
    const doc = withChange((d, send) => {
      (d.info as Record<string, unknown>)['x-clauses'] = ['SN-AUTHZ-CHAT-MEMBER'];
      send['x-emits'] = [{ channel: 'messages.created', clause: 'SN-AUTHZ-AUTHENTICATED' }];
    });
    expect(await lintWithRule(RULE, doc, options)).toEqual([]);
  });

  it('leaves x-authz clauses to sn-authz-clause-known', async () => {
    const doc = withChange((_d, send) => (send['x-authz'][0]!.clause = 'SN-AUTHZ-NOWHERE'));
    expect(await lintWithRule(RULE, doc, options)).toEqual([]);
  });

  it('fires on an unknown clause in an extension and in info.x-clauses', async () => {
    const doc = withChange((d, send) => {
      (d.info as Record<string, unknown>)['x-clauses'] = ['SN-AUTHZ-CHAT-MEMBER', 'SN-EVENTS-NOWHERE'];
      send['x-emits'] = [{ channel: 'messages.created', clause: 'SN-EVENTS-OUTBOXX' }];
    });
    expect(await lintWithRule(RULE, doc, options)).toEqual([
      { code: RULE, path: 'info.x-clauses.1', message: 'Clause `SN-EVENTS-NOWHERE` is not in specs/clauses.yaml.' },
      {
        code: RULE,
        path: 'paths./chats/{chat_id}/messages.post.x-emits.0.clause',
        message: 'Clause `SN-EVENTS-OUTBOXX` is not in specs/clauses.yaml.',
      },
    ]);
  });

  it('checks AsyncAPI documents too', async () => {
    const doc = goodAsyncApi();
    (doc.operations.receivePostCreated['x-consumer'].dlq as Record<string, unknown>).clause = 'SN-EVENTS-DLQS';
    expect(await lintWithRule(RULE, doc, options)).toEqual([
      {
        code: RULE,
        path: 'operations.receivePostCreated.x-consumer.dlq.clause',
        message: 'Clause `SN-EVENTS-DLQS` is not in specs/clauses.yaml.',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { exitCode, type RunResult } from '../src/engine/findings.ts';
import { consoleReport } from '../src/reporters/console.ts';
import { htmlReport } from '../src/reporters/html.ts';
import { junitReport } from '../src/reporters/junit.ts';
import { sarifReport } from '../src/reporters/sarif.ts';

const finding = {
  checkId: 'authz.chat-membership',
  severity: 'security' as const,
  message:
    'A user who is not a member of the chat was not refused as the spec says\nExpected: 404 for x\nReceived: 201: access granted',
  expected: '404 for x',
  received: '201: access granted',
  operationId: 'sendMessage',
  service: 'chats',
  clause: {
    id: 'SN-AUTHZ-CHAT-MEMBER',
    title: 'members only',
    location: { file: 'specs/clauses.yaml', pointer: '/clauses/SN-AUTHZ-CHAT-MEMBER', line: 80 },
  },
  location: { file: 'specs/openapi/chats.yaml', pointer: '/paths/~1messages/post', line: 354 },
  exchange: {
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:1/api/messages',
      headers: { authorization: 'Bearer a.b.<signature redacted>' },
      body: '{"chat_id":7,"text":"<b>"}',
    },
    response: { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":1}' },
    curl: "curl -i -X POST 'http://127.0.0.1:1/api/messages'",
  },
  docs: 'docs/checks.md#authzchat-membership',
};

const result: RunResult = {
  tool: { name: 'socialnet-conformance', version: '0' },
  startedAt: '2026-11-25T00:00:00.000Z',
  durationMs: 1500,
  target: { baseUrl: 'http://127.0.0.1:1', services: {}, startedReference: false },
  specFiles: ['specs/openapi/chats.yaml'],
  observations: [
    {
      kind: 'token-matrix',
      data: {
        service: 'notifications',
        operationId: 'listNotifications',
        variant: 'homemade-hmac',
        status: 200,
        outcome: 'accepted',
      },
    },
    {
      kind: 'token-matrix',
      data: {
        service: 'notifications',
        operationId: 'listNotifications',
        variant: 'valid',
        status: 401,
        outcome: 'refused',
      },
    },
  ],
  checks: [
    {
      id: 'authz.chat-membership',
      title: 'members',
      tags: ['authz', 'defect:D3'],
      clause: 'SN-AUTHZ-CHAT-MEMBER',
      status: 'fail',
      targets: [{ label: 'POST /api/messages', status: 'fail', findings: [finding], durationMs: 12 }],
    },
    {
      id: 'authn.accepts-valid-jwt',
      title: 'valid',
      tags: ['authn'],
      clause: 'SN-AUTHN-STANDARD-JWT',
      status: 'pass',
      targets: [{ label: 'GET /api/notifications', status: 'pass', findings: [], durationMs: 3 }],
    },
    {
      id: 'events.emitted',
      title: 'events',
      tags: ['events'],
      clause: 'SN-EVENTS-EMIT',
      status: 'skipped',
      reason: 'not selected: needs --kafka-brokers',
      targets: [],
    },
  ],
};

describe('reporters', () => {
  it('console: the failure with Expected/Received, clause, curl, and the service × token table', () => {
    const text = consoleReport(result);
    expect(text).toContain('Expected: 404 for x');
    expect(text).toContain('Clause: SN-AUTHZ-CHAT-MEMBER');
    expect(text).toContain('specs/openapi/chats.yaml:354');
    expect(text).toContain("Reproduce: curl -i -X POST 'http://127.0.0.1:1/api/messages'");
    expect(text).toMatch(/homemade-hmac\s+│ ACCEPTED 1\/1/);
    expect(text).toMatch(/valid\s+│ REFUSED 1\/1/);
    expect(text).toContain('not selected: needs --kafka-brokers');
  });

  it('junit: one suite per family with failures and skips counted', () => {
    const xml = junitReport(result);
    expect(xml).toMatch(/<testsuite name="authz" tests="1" failures="1" errors="0" skipped="0"/);
    expect(xml).toMatch(/<testsuite name="events" tests="1" failures="0" errors="0" skipped="1"/);
    expect(xml).toContain('<failure type="security"');
  });

  it('sarif: a rule per check and results located in the spec files', () => {
    const sarif = JSON.parse(sarifReport(result));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules.map((r: any) => r.id)).toContain('authz.chat-membership');
    const [r] = sarif.runs[0].results;
    expect(r).toMatchObject({ ruleId: 'authz.chat-membership', level: 'error' });
    expect(r.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'specs/openapi/chats.yaml', uriBaseId: 'SRCROOT' },
      region: { startLine: 354 },
    });
    expect(r.relatedLocations[0].physicalLocation.region.startLine).toBe(80);
  });

  it('html: self-contained (no scripts, no external resources) and escaped', () => {
    const html = htmlReport(result);
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('id="authz.chat-membership"');
  });

  it('exit code: 1 on a failure, 0 when all selected checks pass', () => {
    expect(exitCode(result)).toBe(1);
    expect(exitCode({ ...result, checks: result.checks.slice(1) })).toBe(0);
  });
});

// The OWASP limits we narrowed apply to what callers send, not to responses; the rules we switched off stay off.
import { describe, expect, it } from 'vitest';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import owasp from '@stoplight/spectral-owasp-ruleset';
import { createSpectral, lintSource } from '../lint.ts';
import { OWASP_OVERRIDES } from '../owasp-overrides.ts';
import { stringify } from 'yaml';
import { FIXTURE_SOURCE } from './__helpers__/tester.ts';

const doc = (requestText: object, responseText: object) => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/messages': {
      post: {
        requestBody: {
          content: { 'application/json': { schema: { type: 'object', properties: { text: requestText } } } },
        },
        responses: {
          '201': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', properties: { text: responseText } } } },
          },
        },
      },
    },
  },
});

async function run(ruleId: string, document: object): Promise<string[]> {
  const ruleset: RulesetDefinition = {
    extends: [[owasp as unknown as RulesetDefinition, 'off']],
    rules: { [ruleId]: OWASP_OVERRIDES[ruleId] === 'off' ? 'error' : (OWASP_OVERRIDES[ruleId] as never) },
  };
  const results = await lintSource(createSpectral(ruleset), stringify(document), FIXTURE_SOURCE);
  return results.filter((r) => r.code === ruleId).map((r) => r.path.join('.'));
}

describe('OWASP overrides', () => {
  const RULE = 'owasp:api4:2023-string-limit';

  it('string-limit fires on an unbounded string a caller sends', async () => {
    expect(await run(RULE, doc({ type: 'string' }, { type: 'string', maxLength: 10 }))).toEqual([
      'paths./messages.post.requestBody.content.application/json.schema.properties.text',
    ]);
  });

  it('string-limit is silent on an unbounded string in a response', async () => {
    expect(await run(RULE, doc({ type: 'string', maxLength: 4096 }, { type: 'string' }))).toEqual([]);
  });

  it('switches off only rules that exist in the OWASP ruleset (a renamed upstream rule would silently come back)', () => {
    const upstream = Object.keys((owasp as unknown as { rules: Record<string, unknown> }).rules);
    expect(Object.keys(OWASP_OVERRIDES).filter((id) => !upstream.includes(id))).toEqual([]);
  });
});

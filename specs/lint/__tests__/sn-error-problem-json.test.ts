import { describe, expect, it } from 'vitest';
import { goodOpenApi, withChange } from './__helpers__/documents.ts';
import { lintWithRule } from './__helpers__/tester.ts';

const RULE = 'sn-error-problem-json';
const R404 = 'paths./chats/{chat_id}/messages.post.responses.404';
type Responses = Record<string, { content?: Record<string, unknown>; description: string }>;

describe(RULE, () => {
  it('is silent when every error response is problem+json with the shared Problem', async () => {
    expect(await lintWithRule(RULE, goodOpenApi())).toEqual([]);
  });

  it('is silent on a bundled copy of the Problem (the gateway document) and on an allOf that includes it', async () => {
    const doc = withChange((d, send) => {
      (d.components as Record<string, unknown>).schemas = {
        Problem: { $ref: '../../openapi/components/problem.yaml#/Problem' },
      };
      (send.responses as Responses)['404']!.content = {
        'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
      };
      (send.responses as Responses)['409']!.content = {
        'application/problem+json': {
          schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object' }] },
        },
      };
    });
    expect(await lintWithRule(RULE, doc)).toEqual([]);
  });

  it.each([
    [
      'an application/json error',
      { 'application/json': { schema: { $ref: '../../openapi/components/problem.yaml#/Problem' } } },
      `${R404}.content.application/json`,
      'Error response 404 uses `application/json`; errors are `application/problem+json` only.',
    ],
    [
      'a home-made error object',
      { 'application/problem+json': { schema: { type: 'object', properties: { error: { type: 'string' } } } } },
      `${R404}.content.application/problem+json.schema`,
      'Error response 404 is not the Problem schema ($ref components/problem.yaml#/Problem).',
    ],
    [
      'an error without a body',
      undefined,
      R404,
      'Error response 404 has no body: it must be `application/problem+json` with the Problem schema.',
    ],
  ])('fires on %s', async (_name, content, path, message) => {
    const doc = withChange((_d, send) => ((send.responses as Responses)['404']!.content = content));
    expect(await lintWithRule(RULE, doc)).toEqual([{ code: RULE, path, message }]);
  });
});

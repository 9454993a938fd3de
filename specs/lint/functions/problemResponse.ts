// SN-ERROR-SHAPE: every error response (4xx, 5xx, default) is `application/problem+json` with the one Problem schema
// (components/problem.yaml#/Problem, or an allOf that includes it). Compared after $ref resolution, so a bundled copy
// (the gateway document's #/components/schemas/Problem) passes and a look-alike with other fields does not.
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, responsesOf, type Json, type JsonObject } from '../lib/operations.ts';
import { deepEqual, loadResolved } from '../lib/resolve.ts';

const MEDIA_TYPE = 'application/problem+json';
const canonical = new Map<string, Json>();

function problemSchema(file: string): Json {
  let schema = canonical.get(file);
  if (schema === undefined) {
    schema = loadResolved(file, '/Problem');
    canonical.set(file, schema);
  }
  return schema;
}

const isErrorStatus = (code: string) => code === 'default' || /^[45](\d\d|XX)$/.test(code);

export default createRulesetFunction<JsonObject, { problemFile: string }>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { problemFile: { type: 'string' } },
      required: ['problemFile'],
      additionalProperties: false,
    },
  },
  function problemResponse(operation, { problemFile }, { path }) {
    const problem = problemSchema(problemFile);
    const isProblem = (s: unknown) =>
      deepEqual(s, problem) ||
      (isObject(s) && Array.isArray(s.allOf) && s.allOf.some((part) => deepEqual(part, problem)));
    const results: IFunctionResult[] = [];
    for (const [code, response] of Object.entries(responsesOf(operation))) {
      if (!isErrorStatus(code)) continue;
      const at = [...path, 'responses', code];
      const content = isObject(response) && isObject(response.content) ? response.content : undefined;
      if (!content || Object.keys(content).length === 0) {
        results.push({
          message: `Error response ${code} has no body: it must be \`${MEDIA_TYPE}\` with the Problem schema.`,
          path: at,
        });
        continue;
      }
      for (const [mediaType, media] of Object.entries(content)) {
        if (mediaType !== MEDIA_TYPE) {
          results.push({
            message: `Error response ${code} uses \`${mediaType}\`; errors are \`${MEDIA_TYPE}\` only.`,
            path: [...at, 'content', mediaType],
          });
        } else if (!isObject(media) || !isProblem(media.schema)) {
          results.push({
            message: `Error response ${code} is not the Problem schema ($ref components/problem.yaml#/Problem).`,
            path: [...at, 'content', mediaType, 'schema'],
          });
        }
      }
    }
    return results;
  },
);

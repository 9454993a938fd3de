// Every clause id a document cites outside x-authz (`clause:` in x-consumer, x-effect, x-feed, x-propagation ...,
// and `info.x-clauses`) exists in specs/clauses.yaml, so conformance findings and docs can follow the citation.
// x-authz clauses are sn-authz-clause-known's.
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, type Json } from '../lib/operations.ts';
import { clauseIds } from './clauseKnown.ts';

type Segment = string | number;

function* citations(node: Json, path: Segment[]): Generator<{ id: string; path: Segment[] }> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* citations(item, [...path, i]);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'x-authz') continue;
    if (key === 'clause' && typeof value === 'string') yield { id: value, path: [...path, key] };
    else if (key === 'x-clauses' && Array.isArray(value)) {
      for (const [i, id] of value.entries()) if (typeof id === 'string') yield { id, path: [...path, key, i] };
    } else yield* citations(value, [...path, key]);
  }
}

export default createRulesetFunction<Record<string, Json>, { clausesFile: string }>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { clausesFile: { type: 'string' } },
      required: ['clausesFile'],
      additionalProperties: false,
    },
  },
  function citedClausesKnown(doc, { clausesFile }) {
    let ids: Set<string>;
    try {
      ids = clauseIds(clausesFile);
    } catch (err) {
      return [{ message: `Cannot read the clause registry ${clausesFile}: ${(err as Error).message}` }];
    }
    const results: IFunctionResult[] = [];
    for (const { id, path } of citations(doc, [])) {
      if (!ids.has(id)) results.push({ message: `Clause \`${id}\` is not in specs/clauses.yaml.`, path });
    }
    return results;
  },
);

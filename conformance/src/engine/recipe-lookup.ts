import type { Operation } from '../spec/types.ts';
import { RECIPES } from './recipes.data.ts';

/** `chat_id` → chat; `{id}` or `{key}` → the path segment before it, singular (`/notifications/{id}` → notification). */
export function kindOf(op: Operation, param: string): string {
  const owner = op.authz.find((r) => r.kind && JSON.stringify(r.resource ?? {}).includes(`"${param}"`));
  if (owner?.kind) return owner.kind;
  if (/_id$/.test(param)) return param.replace(/_id$/, '');
  const segments = op.servicePath.split('/');
  const index = segments.indexOf(`{${param}}`);
  return singular(segments[index - 1] ?? param);
}

function singular(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** The operation that creates a `kind`: a recipe entry, else the POST whose 201 response is that schema (JSON first). */
export function creatorOf(operations: Operation[], kind: string): Operation | undefined {
  const named = RECIPES[kind];
  if (named) return operations.find((o) => o.operationId === named.operationId);
  const candidates = operations.filter(
    (o) => o.method === 'post' && o.responses['201'] && o.resultSchema?.toLowerCase() === kind.toLowerCase(),
  );
  const score = (o: Operation) =>
    (o.requestBody?.content['application/json'] ? 0 : 1) + o.parameters.filter((p) => p.in === 'path').length;
  return candidates.sort((a, b) => score(a) - score(b))[0];
}

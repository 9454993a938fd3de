// The pieces of a spec version the semantic rules compare: OpenAPI operations (by operationId, across documents),
// AsyncAPI channels and operations, and clauses. Each keeps the file and pointer it is written at.
import { toPointer, type Json, type SpecTree } from './spec-tree.ts';
import { CLAUSE_FILES } from './spec-tree.ts';
import { operationsOf } from '../model/index.ts';

export interface Operation {
  id: string;
  method: string;
  path: string;
  file: string;
  pointer: string;
  op: Json;
  /** the requirement alternatives that apply: the operation's `security`, else the document's */
  security: Json[];
  /** pointer of the `security` that applies (the operation's or the document's) */
  securityPointer: string;
}

export function operations(tree: SpecTree): Map<string, Operation> {
  const all = new Map<string, Operation>();
  for (const file of tree.openapi()) {
    const doc = tree.doc(file);
    for (const { path, method, operation: op } of operationsOf<Json>(doc)) {
      const pointer = toPointer(['paths', path, method]);
      const own = Array.isArray(op.security);
      all.set(op.operationId ?? `${method.toUpperCase()} ${path}`, {
        id: op.operationId ?? `${method.toUpperCase()} ${path}`,
        method,
        path,
        file,
        pointer,
        op,
        security: own ? op.security : Array.isArray(doc.security) ? doc.security : [],
        securityPointer: own ? `${pointer}/security` : '/security',
      });
    }
  }
  return all;
}

/** Operations present in both versions, paired by operationId. */
export function pairedOperations(base: SpecTree, head: SpecTree): Array<[Operation, Operation]> {
  const after = operations(head);
  return [...operations(base).values()].flatMap((b) => {
    const h = after.get(b.id);
    return h ? [[b, h] as [Operation, Operation]] : [];
  });
}

export interface AsyncOperation {
  id: string;
  file: string;
  pointer: string;
  op: Json;
  /** the channel's address (topic), following the operation's channel `$ref` */
  address: string | undefined;
}

export function asyncOperations(tree: SpecTree): Map<string, AsyncOperation> {
  const all = new Map<string, AsyncOperation>();
  for (const file of tree.asyncapi()) {
    for (const [id, op] of Object.entries<Json>(tree.doc(file)?.operations ?? {})) {
      const pointer = toPointer(['operations', id]);
      const channel = tree.resolve(file, `${pointer}/channel`, op?.channel).node;
      all.set(`${file}#${id}`, { id, file, pointer, op, address: channel?.address });
    }
  }
  return all;
}

export interface Channel {
  id: string;
  address: string;
  file: string;
  pointer: string;
  channel: Json;
}

export function channels(tree: SpecTree): Channel[] {
  return tree.asyncapi().flatMap((file) =>
    Object.entries<Json>(tree.doc(file)?.channels ?? {}).map(([id, channel]) => ({
      id,
      address: String(channel?.address ?? id),
      file,
      pointer: toPointer(['channels', id]),
      channel,
    })),
  );
}

export interface Clause {
  id: string;
  file: string;
  pointer: string;
  title: string;
  rule: string;
}

export function clauses(tree: SpecTree): Clause[] {
  return CLAUSE_FILES.flatMap((file) =>
    Object.entries<Json>(tree.doc(file)?.clauses ?? {}).map(([id, c]) => ({
      id,
      file,
      pointer: toPointer(['clauses', id]),
      title: String(c?.title ?? ''),
      rule: String(c?.rule ?? ''),
    })),
  );
}

/** Text compared as a reader would: whitespace runs (YAML folding, reflowed lines) do not count. */
export function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

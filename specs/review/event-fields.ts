// Every header and top-level payload field of every message of every channel, with `$ref`, `allOf` and message
// traits followed, and where each field is written (so a change to components/envelope.yaml is reported there).
import { channels } from './model.ts';
import type { Json, Resolved, SpecTree } from './spec-tree.ts';

export interface EventField {
  key: string;
  channel: string;
  part: 'headers' | 'payload';
  name: string;
  type?: string;
  format?: string;
  const?: unknown;
  origin: { file: string; pointer: string };
}

function properties(tree: SpecTree, at: Resolved, seen = new Set<string>()): Array<{ name: string; schema: Resolved }> {
  const { node, file, pointer } = tree.resolve(at.file, at.pointer, at.node);
  if (!node || typeof node !== 'object' || seen.has(`${file}#${pointer}`)) return [];
  seen.add(`${file}#${pointer}`);
  const own = Object.entries<Json>(node.properties ?? {}).map(([name, schema]) => ({
    name,
    schema: tree.resolve(file, `${pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, schema),
  }));
  const composed = (node.allOf ?? []).flatMap((part: Json, i: number) =>
    properties(tree, { node: part, file, pointer: `${pointer}/allOf/${i}` }, seen),
  );
  return [...composed, ...own];
}

export function eventFields(tree: SpecTree): EventField[] {
  return channels(tree).flatMap((channel) =>
    Object.entries<Json>(channel.channel?.messages ?? {}).flatMap(([messageId, ref]) => {
      const message = tree.resolve(channel.file, `${channel.pointer}/messages/${messageId}`, ref);
      const m = message.node ?? {};
      const headerSchemas: Resolved[] = [
        ...(m.headers ? [{ node: m.headers, file: message.file, pointer: `${message.pointer}/headers` }] : []),
        ...(Array.isArray(m.traits) ? m.traits : []).map((t: Json, i: number) => {
          const trait = tree.resolve(message.file, `${message.pointer}/traits/${i}`, t);
          return { node: trait.node?.headers, file: trait.file, pointer: `${trait.pointer}/headers` };
        }),
      ];
      const payload: Resolved = { node: m.payload, file: message.file, pointer: `${message.pointer}/payload` };
      const parts: Array<['headers' | 'payload', Resolved[]]> = [
        ['headers', headerSchemas],
        ['payload', [payload]],
      ];
      return parts.flatMap(([part, schemas]) =>
        schemas
          .flatMap((s) => properties(tree, s))
          .map(({ name, schema }) => ({
            key: `${channel.file}#${channel.id}|${messageId}|${part}|${name}`, // the channel id: a renamed topic is another rule's finding
            channel: channel.address,
            part,
            name,
            type: schema.node?.type === undefined ? undefined : String(schema.node.type),
            format: schema.node?.format,
            const: schema.node?.const,
            origin: { file: schema.file, pointer: schema.pointer },
          })),
      );
    }),
  );
}

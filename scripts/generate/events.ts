// TypeScript event models from the AsyncAPI documents (Modelina): per document, one interface per payload schema
// (components.schemas), one per message's headers (<Message>Headers, the CloudEvents envelope and the retry / DLQ
// headers as the parsed document merges them from traits), and the topic of each channel (`channels`).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TypeScriptGenerator, typeScriptDefaultModelNameConstraints } from '@asyncapi/modelina';
import { Parser, fromFile } from '@asyncapi/parser';
import { tsHeader, writeOut } from './output.ts';
import { asyncApiDocs, type SpecDoc } from './sources.ts';

const version = (createRequire(import.meta.url)('@asyncapi/modelina/package.json') as { version: string }).version;

type Schema = Record<string, unknown>;

/**
 * What Modelina gets: the parser's annotations dropped, and `additionalProperties: true` dropped, because Modelina
 * turns it into a property named `additionalProperties`; unknown fields stay allowed at run time (consumers ignore
 * them), the interfaces list the known ones.
 */
function forModelina(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forModelina);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('x-parser-') || (k === 'additionalProperties' && v === true)) continue;
    out[k] = forModelina(v);
  }
  return out;
}

const modelina = new TypeScriptGenerator({
  modelType: 'interface',
  enumType: 'union',
  rawPropertyNames: true, // the wire names (`user_id`, `ce_id`, `dlq-reason`), not camelCase
  mapType: 'record',
  processorOptions: { jsonSchema: { ignoreAdditionalProperties: true } },
  // `dlq-reason` -> DlqReason (the default spells the dash as "Minus")
  constraints: {
    modelName: typeScriptDefaultModelNameConstraints({
      NO_SPECIAL_CHAR: (v: string) => v.replace(/[^A-Za-z0-9_$ ]+/g, ' '),
    }),
  },
});

async function modelsOf(title: string, schema: unknown): Promise<string[]> {
  const input = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...(forModelina(schema) as Schema),
    title,
    $id: title,
  };
  const models = await modelina.generate(input);
  return models.map((m) => `export ${m.result.trim()}`);
}

async function eventModels(doc: SpecDoc): Promise<string> {
  const { document, diagnostics } = await fromFile(new Parser(), doc.file).parse();
  if (!document) throw new Error(`${doc.rel} does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  const models = new Map<string, string>(); // model name -> code; the first definition wins (DlqReason appears once)
  const add = (codes: string[]) => {
    for (const code of codes) {
      const name = /(?:interface|type) (\w+)/.exec(code)?.[1] ?? code;
      if (!models.has(name)) models.set(name, code);
    }
  };
  for (const schema of document.components().schemas().all()) add(await modelsOf(schema.id(), schema.json()));
  for (const message of document.components().messages().all()) {
    const headers = message.headers();
    if (headers) add(await modelsOf(`${message.id()}Headers`, headers.json()));
  }
  const channels = document
    .channels()
    .all()
    .map((c) => `  ${JSON.stringify(c.id())}: ${JSON.stringify(c.address())},`);
  const topics = [
    '/** Kafka topic of each channel of the document, by channel id. */',
    'export const channels = {',
    ...channels,
    '} as const;',
  ];
  return (
    tsHeader({ generator: `@asyncapi/modelina ${version}`, sources: [doc.rel] }) +
    [...models.values(), topics.join('\n')].join('\n\n') +
    '\n'
  );
}

export async function generateEvents(out: string): Promise<void> {
  const docs = asyncApiDocs();
  for (const doc of docs) writeOut(join(out, 'events', `${doc.name}.ts`), await eventModels(doc));
  const index = docs.map((d) => `export * as ${d.name} from './${d.name}.ts';`).join('\n');
  writeOut(
    join(out, 'events/index.ts'),
    tsHeader({ generator: 'scripts/generate/events.ts', sources: docs.map((d) => d.rel) }) + index + '\n',
  );
}

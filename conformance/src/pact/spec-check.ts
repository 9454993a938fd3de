import $RefParser from '@apidevtools/json-schema-ref-parser';
import * as comparatorModule from '@pactflow/openapi-pact-comparator';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../spec/load.ts';
import { model } from '../spec/model.ts';
import type { JsonSchema } from '../spec/types.ts';
import { SchemaValidator } from '../spec/validator.ts';
import type { PactFile, PactInteraction } from './pact-files.ts';

interface ComparatorResult {
  code: string;
  message: string;
  type: 'error' | 'warning' | 'info';
  mockDetails?: { interactionDescription?: string; location?: string };
  specDetails?: { location?: string };
}
// its .d.ts re-exports "./compare" without a file extension, which NodeNext resolution cannot follow: typed here
const { Comparator } = comparatorModule as unknown as {
  Comparator: new (documents: { oas?: object; asyncapi?: object }) => {
    compare(pact: object): AsyncIterable<ComparatorResult>;
  };
};

/** Findings per interaction description: where the pact expects what the provider's spec does not promise. */
export type SpecFindings = Map<string, string[]>;

const add = (findings: SpecFindings, description: string, message: string) =>
  findings.set(description, [...(findings.get(description) ?? []), message]);

/** The OpenAPI document of a service (`info.x-service`) in `specDir`, bundled into one document (internal refs only). */
async function serviceDocument(specDir: string, service: string): Promise<Record<string, unknown> | undefined> {
  for (const file of readdirSync(specDir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'gateway.yaml')
    .sort()) {
    const raw = model.readYaml(join(specDir, file));
    if (raw?.info?.['x-service'] === service)
      return (await $RefParser.bundle(join(specDir, file))) as Record<string, unknown>;
  }
  return undefined;
}

/**
 * An HTTP pact against its provider's OpenAPI document, with PactFlow's openapi-pact-comparator: unknown paths or
 * methods, requests the operation refuses (parameters, headers, bodies), responses it does not document.
 */
export async function checkHttpPact(pact: PactFile, specDir = join(REPO_ROOT, 'specs/openapi')): Promise<SpecFindings> {
  const findings: SpecFindings = new Map();
  const doc = await serviceDocument(specDir, pact.provider);
  if (!doc) {
    for (const i of pact.interactions)
      add(findings, i.description, `no OpenAPI document with info.x-service: ${pact.provider} in ${specDir}`);
    return findings;
  }
  const raw = JSON.parse(readFileSync(pact.path, 'utf8'));
  for await (const result of new Comparator({ oas: doc }).compare(raw)) {
    if (result.type !== 'error') continue;
    const description = result.mockDetails?.interactionDescription ?? '*';
    add(
      findings,
      description,
      `${result.code}: ${result.message} (pact ${result.mockDetails?.location ?? ''}, spec ${result.specDetails?.location ?? ''})`,
    );
  }
  return findings;
}

interface AsyncMessage {
  file: string;
  name: string;
  ceType: string;
  ceSource: string;
  keyPointer?: string;
  payload: JsonSchema;
  headers?: JsonSchema;
  key?: JsonSchema;
}

/** Every message with `x-ce-type` in the AsyncAPI documents of `asyncapiDir`, dereferenced. */
async function asyncMessages(asyncapiDir: string): Promise<AsyncMessage[]> {
  const out: AsyncMessage[] = [];
  for (const file of readdirSync(asyncapiDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const path = join(asyncapiDir, file);
    const doc = await model.dereference(path, model.readYaml(path));
    for (const [name, m] of Object.entries<any>(doc?.components?.messages ?? {})) {
      if (!m?.['x-ce-type']) continue;
      const traitHeaders = (m.traits ?? []).map((t: any) => t?.headers).find(Boolean);
      out.push({
        file,
        name,
        ceType: m['x-ce-type'],
        ceSource: m['x-ce-source'],
        keyPointer: m['x-key']?.from?.replace('$message.payload#', ''),
        payload: m.payload,
        headers: m.headers ?? traitHeaders,
        key: m.bindings?.kafka?.key,
      });
    }
  }
  return out;
}

const pointerGet = (value: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (v, k) =>
        v && typeof v === 'object'
          ? (v as Record<string, unknown>)[k.replace(/~1/g, '/').replace(/~0/g, '~')]
          : undefined,
      value,
    );

/**
 * A message pact against the AsyncAPI documents: the message its `ce_type` names must exist and come from this
 * source; the example payload must satisfy the payload schema and use only fields the schema defines (a consumer
 * relying on an undocumented field is drift even where `additionalProperties` lets it through); the metadata must
 * satisfy the CloudEvents header schema, and `key` the key schema and the payload field it is read from.
 */
export async function checkMessagePact(
  pact: PactFile,
  asyncapiDir = join(REPO_ROOT, 'specs/asyncapi'),
): Promise<SpecFindings> {
  const findings: SpecFindings = new Map();
  const messages = await asyncMessages(asyncapiDir);
  const validator = new SchemaValidator();
  for (const i of pact.interactions)
    checkMessage(i, messages, validator, (message) => add(findings, i.description, message));
  return findings;
}

function checkMessage(
  i: PactInteraction,
  messages: AsyncMessage[],
  validator: SchemaValidator,
  report: (m: string) => void,
): void {
  const metadata = (i.metadata ?? {}) as Record<string, unknown>;
  const ceType = String(metadata.ce_type ?? '');
  const spec = messages.find((m) => m.ceType === ceType);
  if (!spec) return report(`ce_type ${JSON.stringify(ceType)}: no AsyncAPI message has this x-ce-type`);
  const where = `${spec.file}#/components/messages/${spec.name}`;
  if (metadata.ce_source !== spec.ceSource)
    report(`ce_source ${JSON.stringify(metadata.ce_source)} is not ${spec.ceSource} (${where} x-ce-source)`);
  const payload = i.contents?.content;
  for (const e of validator.errors(spec.payload, payload)) report(`payload ${e} (${where} payload)`);
  const properties = Object.keys(spec.payload.properties ?? {});
  if (payload && typeof payload === 'object') {
    for (const field of Object.keys(payload))
      if (!properties.includes(field))
        report(
          `payload field "${field}" is not in the schema (${where} payload): the consumer relies on something the producer never promised`,
        );
  }
  const { key, ...headers } = metadata;
  if (spec.headers) for (const e of validator.errors(spec.headers, headers)) report(`headers ${e} (${where} headers)`);
  if (spec.key) for (const e of validator.errors(spec.key, key)) report(`key ${e} (${where} bindings.kafka.key)`);
  if (spec.keyPointer && String(pointerGet(payload, spec.keyPointer)) !== String(key)) {
    report(
      `key ${JSON.stringify(key)} is not the payload's ${spec.keyPointer} (${JSON.stringify(pointerGet(payload, spec.keyPointer))}) (${where} x-key)`,
    );
  }
}

import type { JsonSchema } from './types.ts';

/**
 * A valid value for a schema: the schema's example, default or first enum value when it has one, otherwise the
 * smallest value its type, format and bounds allow. `text` supplies string values (canaries, unique names).
 */
export interface SampleOptions {
  text?: (name: string) => string;
  /** Include optional properties too (only those with an example or default are added otherwise). */
  optional?: boolean;
}

export function sample(schema: JsonSchema | undefined, name = 'value', options: SampleOptions = {}): unknown {
  if (!schema) return undefined;
  const kind = typeOf(schema);
  if (schema.example !== undefined && kind !== 'object' && !(options.text && isFreeText(schema))) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: JsonSchema) => sample(s, name, options)));
  if (schema.oneOf || schema.anyOf) return sample((schema.oneOf ?? schema.anyOf)[0], name, options);
  switch (kind) {
    case 'object':
      return sampleObject(schema, options);
    case 'array': {
      const count = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: count }, (_, i) => sample(schema.items, `${name}${i}`, options));
    }
    case 'integer':
    case 'number':
      return Math.max(
        1,
        schema.minimum ?? 1,
        schema.exclusiveMinimum === undefined ? 1 : Number(schema.exclusiveMinimum) + 1,
      );
    case 'boolean':
      return false;
    default:
      return sampleString(schema, name, options);
  }
}

function sampleObject(schema: JsonSchema, options: SampleOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set<string>(schema.required ?? []);
  for (const [key, prop] of Object.entries<JsonSchema>(schema.properties ?? {})) {
    if (prop.readOnly) continue;
    const wanted = required.has(key) || options.optional || (options.text !== undefined && isFreeText(prop));
    if (wanted) out[key] = sample(prop, key, options);
  }
  return out;
}

function typeOf(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return 'string';
}

/** A string any text fits (no format or enum; a pattern only when plain text matches it). */
export function isFreeText(schema: JsonSchema): boolean {
  if (typeOf(schema) !== 'string' || schema.format || schema.enum) return false;
  return !schema.pattern || new RegExp(schema.pattern).test('plain text 1');
}

function sampleString(schema: JsonSchema, name: string, options: SampleOptions): string {
  switch (schema.format) {
    case 'email':
      return `${name}@example.com`;
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date-time':
      return new Date().toISOString();
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'uri':
    case 'url':
      return 'https://example.com/x';
    case 'binary':
      return 'conformance';
  }
  let text = options.text && isFreeText(schema) ? options.text(name) : 'conformance';
  if (schema.pattern && !new RegExp(schema.pattern).test(text)) text = /\\d/.test(schema.pattern) ? '1' : 'a';
  const min = schema.minLength ?? 0;
  if (text.length < min) text = text.padEnd(min, 'x');
  if (schema.maxLength !== undefined && text.length > schema.maxLength) text = text.slice(0, schema.maxLength);
  return text;
}

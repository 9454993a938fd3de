import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './types.ts';

const Ajv = (AjvModule as any).default ?? AjvModule;
const addFormats = (addFormatsModule as any).default ?? addFormatsModule;

/** Validates response bodies against OpenAPI 3.0 schemas (nullable, discriminator, formats). */
export class SchemaValidator {
  private readonly ajv = addFormats(
    new Ajv({ strict: false, allErrors: true, discriminator: true, validateFormats: true }),
  );
  private readonly compiled = new WeakMap<object, any>();

  /** Error messages (`/path message`), empty when valid. */
  errors(schema: JsonSchema, value: unknown): string[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(forResponse(schema));
      this.compiled.set(schema, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e: any) => `${e.instancePath || '/'} ${e.message}`);
  }
}

/** writeOnly properties are absent from responses: drop them from `required`. */
function forResponse(schema: JsonSchema, seen = new WeakMap<object, JsonSchema>()): JsonSchema {
  if (!schema || typeof schema !== 'object') return schema;
  const cached = seen.get(schema);
  if (cached) return cached;
  const out: JsonSchema = Array.isArray(schema) ? [] : {};
  seen.set(schema, out);
  for (const [k, v] of Object.entries(schema)) out[k] = typeof v === 'object' && v !== null ? forResponse(v, seen) : v;
  if (out.properties && Array.isArray(out.required)) {
    out.required = out.required.filter((name: string) => !out.properties[name]?.writeOnly);
  }
  return out;
}

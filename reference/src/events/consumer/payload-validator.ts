import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { PoisonRecordError } from './errors.ts';

// ajv-formats is CommonJS with `exports.default`; under ESM the default import may be the module object
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => void;

/** Checks payloads against the schema the AsyncAPI document gives the channel's message. */
export function payloadValidator(schema: Record<string, unknown>): (payload: unknown) => void {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate: ValidateFunction = ajv.compile(schema);
  return (payload) => {
    if (!validate(payload)) {
      const detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      throw new PoisonRecordError('schema-invalid', `payload does not match the schema: ${detail}`);
    }
  };
}

// Version-gated message schemas, modelled on Apache Kafka's message JSON: each field carries the
// versions it exists in ('3+', '2-4'). One decoder and one encoder serve every API; in a flexible version
// (KIP-482) strings, bytes and arrays are compact and every struct ends with a tagged-field block. No field of
// ours is tagged: incoming tags are skipped, and responses carry none (Kafka writes a tagged field only when it
// differs from its default).
import { ProtocolError, type Reader } from './reader.ts';
import type { Writer } from './writer.ts';

export type Primitive =
  'int8' | 'int16' | 'int32' | 'int64' | 'boolean' | 'string' | 'nullableString' | 'bytes' | 'nullableBytes' | 'uuid';

export interface ArrayType {
  readonly kind: 'array';
  readonly of: Primitive | Schema;
  readonly nullable: boolean;
}

/** A struct field (Kafka's "type": "Cursor"); nullable ones are written as int8 -1 (null) or 1, then the fields. */
export interface StructType {
  readonly kind: 'struct';
  readonly of: Schema;
  readonly nullable: boolean;
}

export type FieldType = Primitive | ArrayType | StructType;

export interface Field {
  readonly name: string;
  readonly type: FieldType;
  readonly min: number;
  readonly max: number;
  readonly default?: unknown;
}

export type Schema = readonly Field[];

/** A field present in `versions` ('0+', '3+', '2-4', '5'). */
export function field(name: string, type: FieldType, versions = '0+', defaultValue?: unknown): Field {
  const m = /^(\d+)(\+|-(\d+))?$/.exec(versions);
  if (!m) throw new Error(`bad version range ${versions}`);
  const min = Number(m[1]);
  const max = m[2] === '+' ? Number.POSITIVE_INFINITY : m[3] !== undefined ? Number(m[3]) : min;
  return defaultValue === undefined ? { name, type, min, max } : { name, type, min, max, default: defaultValue };
}

export const array = (of: Primitive | Schema): ArrayType => ({ kind: 'array', of, nullable: false });
export const nullableArray = (of: Primitive | Schema): ArrayType => ({ kind: 'array', of, nullable: true });
export const nullableStruct = (of: Schema): StructType => ({ kind: 'struct', of, nullable: true });

const inRange = (f: Field, version: number): boolean => version >= f.min && version <= f.max;

function defaultOf(f: Field): unknown {
  if (f.default !== undefined) return f.default;
  if (typeof f.type !== 'string') return f.type.nullable ? null : [];
  switch (f.type) {
    case 'boolean':
      return false;
    case 'string':
      return '';
    case 'nullableString':
    case 'nullableBytes':
      return null;
    case 'bytes':
      return Buffer.alloc(0);
    case 'uuid':
      return Buffer.alloc(16);
    default:
      return 0;
  }
}

function readPrimitive(r: Reader, t: Primitive, flexible: boolean): unknown {
  switch (t) {
    case 'int8':
      return r.int8();
    case 'int16':
      return r.int16();
    case 'int32':
      return r.int32();
    case 'int64':
      return r.int64();
    case 'boolean':
      return r.boolean();
    case 'string':
      return flexible ? r.compactString() : r.string();
    case 'nullableString':
      return flexible ? r.compactNullableString() : r.nullableString();
    case 'bytes':
      return (flexible ? r.compactNullableBytes() : r.nullableBytes()) ?? Buffer.alloc(0);
    case 'nullableBytes':
      return flexible ? r.compactNullableBytes() : r.nullableBytes();
    case 'uuid':
      return r.uuid();
  }
}

function readType(r: Reader, t: FieldType, version: number, flexible: boolean): unknown {
  if (typeof t === 'string') return readPrimitive(r, t, flexible);
  if (t.kind === 'struct') {
    if (t.nullable && r.int8() < 0) return null;
    return decodeStruct(r, t.of, version, flexible);
  }
  const n = flexible ? r.compactArrayLength() : r.arrayLength();
  if (n < 0) {
    if (t.nullable) return null;
    throw new ProtocolError('null array where an array is required');
  }
  if (n > r.remaining) throw new ProtocolError(`array of ${n} cannot fit in ${r.remaining} bytes`);
  const out: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = typeof t.of === 'string' ? readPrimitive(r, t.of, flexible) : decodeStruct(r, t.of, version, flexible);
  }
  return out;
}

export function decodeStruct<T>(r: Reader, schema: Schema, version: number, flexible = false): T {
  const out: Record<string, unknown> = {};
  // A name may appear twice with disjoint version ranges (e.g. an array that becomes nullable in v2).
  for (const f of schema) {
    if (inRange(f, version)) out[f.name] = readType(r, f.type, version, flexible);
    else if (!(f.name in out)) out[f.name] = defaultOf(f);
  }
  if (flexible) r.skipTaggedFields();
  return out as T;
}

function writePrimitive(w: Writer, t: Primitive, v: unknown, flexible: boolean): void {
  switch (t) {
    case 'int8':
      w.int8(v as number);
      return;
    case 'int16':
      w.int16(v as number);
      return;
    case 'int32':
      w.int32(v as number);
      return;
    case 'int64':
      w.int64(v as number);
      return;
    case 'boolean':
      w.boolean(v as boolean);
      return;
    case 'string':
    case 'nullableString': {
      const s = t === 'string' ? ((v as string | null) ?? '') : (v as string | null);
      if (flexible) w.compactNullableString(s);
      else w.nullableString(s);
      return;
    }
    case 'bytes':
    case 'nullableBytes': {
      const b = t === 'bytes' ? ((v as Buffer | Buffer[] | null) ?? Buffer.alloc(0)) : (v as Buffer | Buffer[] | null);
      if (flexible) w.compactNullableBytes(b);
      else w.nullableBytes(b);
      return;
    }
    case 'uuid':
      w.raw(v as Buffer);
  }
}

function writeType(w: Writer, t: FieldType, v: unknown, version: number, flexible: boolean): void {
  if (typeof t === 'string') return writePrimitive(w, t, v, flexible);
  if (t.kind === 'struct') {
    if (t.nullable) w.int8(v === null || v === undefined ? -1 : 1);
    if (v !== null && v !== undefined) encodeStruct(w, t.of, version, v as object, flexible);
    else if (!t.nullable) encodeStruct(w, t.of, version, {}, flexible);
    return;
  }
  const items = v === null || v === undefined ? (t.nullable ? null : []) : (v as readonly unknown[]);
  if (flexible) w.compactArrayLength(items === null ? null : items.length);
  else w.int32(items === null ? -1 : items.length);
  for (const item of items ?? []) {
    if (typeof t.of === 'string') writePrimitive(w, t.of, item, flexible);
    else encodeStruct(w, t.of, version, item as object, flexible);
  }
}

/** Writes the fields of `schema` present in `version`; a field missing from `value` gets its default. */
export function encodeStruct(w: Writer, schema: Schema, version: number, value: object, flexible = false): void {
  const obj = value as Record<string, unknown>;
  for (const f of schema) {
    if (!inRange(f, version)) continue;
    const v = obj[f.name];
    writeType(w, f.type, v === undefined ? defaultOf(f) : v, version, flexible);
  }
  if (flexible) w.emptyTaggedFields();
}

// The shape of one API: its schemas (version-gated fields), the versions it advertises, and its handler.
import type { RequestContext } from '../context.ts';
import type { Reader } from '../wire/reader.ts';
import { decodeStruct, encodeStruct, type Schema } from '../wire/schema.ts';
import type { Writer } from '../wire/writer.ts';
import { API_KEYS, type ApiName } from './api-keys.ts';

/** Returned by a handler when Kafka sends no response (Produce with acks=0). */
export const NO_RESPONSE = Symbol('no response');
export type HandlerResult<Res> = Res | typeof NO_RESPONSE | Promise<Res | typeof NO_RESPONSE>;

export interface ApiDefinition<Req extends object, Res extends object> {
  readonly name: ApiName;
  readonly minVersion: number;
  readonly maxVersion: number;
  readonly request: Schema;
  readonly response: Schema;
  handle(req: Req, ctx: RequestContext): HandlerResult<Res>;
  /** The response Kafka gives when the request fails with `errorCode`, placed wherever this API carries errors. */
  fail(req: Req, errorCode: number, ctx: RequestContext): Res;
  /** The first flexible version (Kafka's "flexibleVersions": "N+"): request header v2, response header v1, compact
   * fields and tagged-field blocks. Absent: no flexible version. */
  readonly flexibleFrom?: number;
  /** False when Kafka sends no response at all (Produce with acks=0); default true. */
  expectsResponse?(req: Req): boolean;
  /** Only for ApiVersions, whose v3 response keeps header v0: custom body codecs and the v2 request header. */
  decodeRequest?(r: Reader, version: number): Req;
  encodeResponse?(w: Writer, version: number, res: Res): void;
  flexibleRequestHeader?(version: number): boolean;
}

/** An API with its types erased, as the dispatcher sees it. */
export interface RegisteredApi {
  readonly name: ApiName;
  readonly key: number;
  readonly minVersion: number;
  readonly maxVersion: number;
  decode(r: Reader, version: number): object;
  encode(w: Writer, version: number, res: object): void;
  handle(req: object, ctx: RequestContext): HandlerResult<object>;
  fail(req: object, errorCode: number, ctx: RequestContext): object;
  flexibleRequestHeader(version: number): boolean;
  /** Response header v1 (a tagged-field block after the correlation id). */
  flexibleResponseHeader(version: number): boolean;
  expectsResponse(req: object): boolean;
}

export function defineApi<Req extends object, Res extends object>(def: ApiDefinition<Req, Res>): RegisteredApi {
  const flexible = (v: number) => def.flexibleFrom !== undefined && v >= def.flexibleFrom;
  return {
    name: def.name,
    key: API_KEYS[def.name],
    minVersion: def.minVersion,
    maxVersion: def.maxVersion,
    decode: (r, v) => (def.decodeRequest ? def.decodeRequest(r, v) : decodeStruct<Req>(r, def.request, v, flexible(v))),
    encode: (w, v, res) =>
      def.encodeResponse ? def.encodeResponse(w, v, res as Res) : encodeStruct(w, def.response, v, res, flexible(v)),
    handle: (req, ctx) => def.handle(req as Req, ctx),
    fail: (req, code, ctx) => def.fail(req as Req, code, ctx),
    flexibleRequestHeader: (v) => def.flexibleRequestHeader?.(v) ?? flexible(v),
    flexibleResponseHeader: flexible,
    expectsResponse: (req) => def.expectsResponse?.(req as Req) ?? true,
  };
}

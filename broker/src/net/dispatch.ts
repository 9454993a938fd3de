// One request, start to finish: header, version check, fault rules, handler, encoding.
// Unknown API keys and versions close the connection, as Kafka does; an ApiVersions request of an
// unknown version gets UNSUPPORTED_VERSION in the v0 layout so the client can retry lower.
import { setTimeout as sleep } from 'node:timers/promises';
import { NO_RESPONSE, type RegisteredApi } from '../apis/api.ts';
import { API_KEYS } from '../apis/api-keys.ts';
import { API_REGISTRY } from '../apis/index.ts';
import type { BrokerState, RequestContext } from '../context.ts';
import { code } from '../errors.ts';
import { Reader } from '../wire/reader.ts';
import { Writer } from '../wire/writer.ts';

export type Outcome = { kind: 'reply'; frame: Buffer } | { kind: 'none' } | { kind: 'close'; reason: string };

export interface Peer {
  clientHost: string;
  /** Remembered so fault controls can drop one client's connections. */
  setClientId(id: string): void;
}

function frameOf(correlationId: number, api: RegisteredApi, version: number, body: object): Buffer {
  const w = new Writer(1024);
  w.int32(0).int32(correlationId);
  if (api.flexibleResponseHeader(version)) w.emptyTaggedFields();
  api.encode(w, version, body);
  w.patchInt32(0, w.length - 4);
  return w.toBuffer();
}

export async function dispatch(payload: Buffer, broker: BrokerState, peer: Peer): Promise<Outcome> {
  const r = new Reader(payload);
  const apiKey = r.int16();
  const version = r.int16();
  const correlationId = r.int32();
  const api = API_REGISTRY.get(apiKey);
  if (!api) return { kind: 'close', reason: `unknown API key ${apiKey}` };
  if (version < api.minVersion || version > api.maxVersion) {
    if (apiKey === API_KEYS.ApiVersions) {
      const body = api.fail({}, code.UNSUPPORTED_VERSION, undefined as never);
      return { kind: 'reply', frame: frameOf(correlationId, api, 0, body) };
    }
    return { kind: 'close', reason: `unsupported ${api.name} v${version}` };
  }
  const clientId = r.nullableString() ?? '';
  peer.setClientId(clientId);
  if (api.flexibleRequestHeader(version)) r.skipTaggedFields();
  const req = api.decode(r, version);
  const ctx: RequestContext = { broker, apiVersion: version, clientId, clientHost: peer.clientHost };

  const actions = broker.faults.take(api.name, req, clientId);
  const has = <K extends string>(kind: K) => actions.find((a) => a.kind === kind);
  const drop = has('drop') as { when: 'before' | 'after' } | undefined;
  if (drop?.when === 'before') return { kind: 'close', reason: `fault: drop before ${api.name}` };
  const injected = has('error') as { errorCode: number } | undefined;

  let body: object | typeof NO_RESPONSE;
  if (injected) {
    body = api.fail(req, injected.errorCode, ctx);
  } else {
    try {
      body = await api.handle(req, ctx);
    } catch (err) {
      process.emitWarning(`broker: ${api.name} v${version} failed: ${(err as Error).stack ?? String(err)}`);
      body = api.fail(req, code.UNKNOWN_SERVER_ERROR, ctx);
    }
  }
  if (drop?.when === 'after') return { kind: 'close', reason: `fault: drop after ${api.name}` };
  if (has('no-reply') || body === NO_RESPONSE || !api.expectsResponse(req)) return { kind: 'none' };
  const delay = has('delay') as { ms: number } | undefined;
  if (delay) await sleep(delay.ms);
  return { kind: 'reply', frame: frameOf(correlationId, api, version, body) };
}

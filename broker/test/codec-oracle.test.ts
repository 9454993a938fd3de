// Broker > codec: every advertised (API, version) that kafkajs implements round-trips through kafkajs's
// own encoders and decoders. Requests: kafkajs encodes, the broker decodes (checked field by field) and
// re-encodes to the very same bytes. Responses: the broker encodes, kafkajs decodes (checked field by field).
import { describe, expect, it } from 'vitest';
import { API_REGISTRY } from '../src/apis/index.ts';
import { Reader } from '../src/wire/reader.ts';
import { encodeStruct } from '../src/wire/schema.ts';
import { Writer } from '../src/wire/writer.ts';
import { CASES } from './oracle/cases.ts';
import { kafkajsApi, kafkajsDecode, kafkajsEncode } from './oracle/kafkajs-protocol.ts';

import * as apiVersionsSchema from '../src/apis/api-versions/schema.ts';

/** APIs kafkajs does not implement: their (flexible) codecs are exercised by the Java client in kafka-tools.test.ts. */
const NOT_IN_KAFKAJS: ReadonlySet<string> = new Set(['DescribeTopicPartitions', 'IncrementalAlterConfigs']);

const rows = [...API_REGISTRY.values()].flatMap((api) => {
  const c = CASES[api.name];
  if (!c) return NOT_IN_KAFKAJS.has(api.name) ? [] : [[api.name, -1] as const];
  const theirs = kafkajsApi(c.module).versions.map(Number);
  const versions = [];
  for (let v = api.minVersion; v <= api.maxVersion; v++) if (theirs.includes(v)) versions.push([api.name, v] as const);
  return versions;
});

describe('Broker > codec oracle (kafkajs)', () => {
  it('has a case for every registered API', () => {
    expect(rows.filter(([, v]) => v < 0)).toEqual([]);
  });

  describe.each(rows.filter(([, v]) => v >= 0))('%s v%i', (name, version) => {
    const api = [...API_REGISTRY.values()].find((a) => a.name === name)!;
    const c = CASES[name]!;

    it('decodes the request kafkajs encodes, and re-encodes it byte for byte', async () => {
      const bytes = await kafkajsEncode(c.module, version, c.requestArgs);
      const r = new Reader(bytes);
      const decoded = api.decode(r, version);
      expect(r.remaining).toBe(0);
      expect(decoded).toMatchObject(c.decoded(version));
      const w = new Writer();
      if (name === 'ApiVersions') encodeStruct(w, apiVersionsSchema.request, version, decoded);
      else encodeStruct(w, (await import(`../src/apis/${folderOf(name)}/schema.ts`)).request, version, decoded);
      expect(w.toBuffer().equals(bytes)).toBe(true);
    });

    it('encodes a response kafkajs decodes to the same values', async () => {
      const w = new Writer();
      api.encode(w, version, c.response(version));
      const seen = await kafkajsDecode(c.module, version, c.requestArgs, w.toBuffer());
      expect(seen).toMatchObject(c.kafkajsSees(version));
    });
  });

  it('encodes ApiVersions v3 (flexible) as KIP-511 lays it out', () => {
    const api = API_REGISTRY.get(18)!;
    const w = new Writer();
    api.encode(w, 3, { errorCode: 0, apiKeys: [{ apiKey: 0, minVersion: 3, maxVersion: 7 }] });
    // error 0, compact array of 1 (varint 2), key 0, min 3, max 7, no tags, throttle 0, no tags
    expect([...w.toBuffer()]).toEqual([0, 0, 2, 0, 0, 0, 3, 0, 7, 0, 0, 0, 0, 0, 0]);
    const req = Buffer.from([8, ...Buffer.from('kcat-rd'), 6, ...Buffer.from('2.0.2'), 0]);
    expect(api.decode(new Reader(req), 3)).toEqual({ clientSoftwareName: 'kcat-rd', clientSoftwareVersion: '2.0.2' });
  });
});

function folderOf(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

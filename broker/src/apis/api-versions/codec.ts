// The flexible body of ApiVersions v3 (the only flexible message this broker speaks; librdkafka sends it first).
import type { Reader } from '../../wire/reader.ts';
import type { Writer } from '../../wire/writer.ts';
import type { ApiVersionsRequest, ApiVersionsResponse } from './schema.ts';

export function decodeV3(r: Reader): ApiVersionsRequest {
  const clientSoftwareName = r.compactNullableString() ?? '';
  const clientSoftwareVersion = r.compactNullableString() ?? '';
  r.skipTaggedFields();
  return { clientSoftwareName, clientSoftwareVersion };
}

export function encodeV3(w: Writer, res: ApiVersionsResponse): void {
  w.int16(res.errorCode);
  w.uvarint(res.apiKeys.length + 1);
  for (const k of res.apiKeys) w.int16(k.apiKey).int16(k.minVersion).int16(k.maxVersion).emptyTaggedFields();
  w.int32(0);
  w.emptyTaggedFields();
}

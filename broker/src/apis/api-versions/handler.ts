// ApiVersions: the advertised range of every API, read from the registry (apis/index.ts).
import { encodeStruct } from '../../wire/schema.ts';
import { defineApi, type RegisteredApi } from '../api.ts';
import { decodeV3, encodeV3 } from './codec.ts';
import { type ApiVersionsRequest, type ApiVersionsResponse, request, response } from './schema.ts';

export const advertised = (apis: readonly RegisteredApi[]): ApiVersionsResponse['apiKeys'] =>
  apis
    .map((a) => ({ apiKey: a.key, minVersion: a.minVersion, maxVersion: a.maxVersion }))
    .sort((a, b) => a.apiKey - b.apiKey);

export function createApiVersions(registry: () => readonly RegisteredApi[]): RegisteredApi {
  return defineApi<ApiVersionsRequest, ApiVersionsResponse>({
    name: 'ApiVersions',
    minVersion: 0,
    maxVersion: 3,
    request,
    response,
    handle: () => ({ errorCode: 0, apiKeys: advertised(registry()) }),
    fail: (_req, errorCode) => ({ errorCode, apiKeys: advertised(registry()) }),
    decodeRequest: (r, v) => (v >= 3 ? decodeV3(r) : { clientSoftwareName: '', clientSoftwareVersion: '' }),
    encodeResponse: (w, v, res) => (v >= 3 ? encodeV3(w, res) : encodeStruct(w, response, v, res)),
    flexibleRequestHeader: (v) => v >= 3,
  });
}

// ApiVersions (key 18), versions 0-3. v1 adds throttle_time_ms at the end. v3 is flexible (KIP-482):
// request header v2, compact strings and arrays, tagged fields; its body is coded by hand in codec.ts.
// The response header is v0 even for v3.
import { array, field } from '../../wire/schema.ts';

export const request = [];

export const response = [
  field('errorCode', 'int16'),
  field('apiKeys', array([field('apiKey', 'int16'), field('minVersion', 'int16'), field('maxVersion', 'int16')])),
  field('throttleTimeMs', 'int32', '1+'),
];

export interface ApiVersionsRequest {
  clientSoftwareName: string;
  clientSoftwareVersion: string;
}

export interface ApiVersionsResponse {
  errorCode: number;
  apiKeys: { apiKey: number; minVersion: number; maxVersion: number }[];
}

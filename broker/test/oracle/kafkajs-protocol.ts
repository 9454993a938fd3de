// kafkajs's own request encoders and response decoders, reached by deep require (kafkajs has no exports
// map): the oracle the codec tests compare the broker's schemas against.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface KafkajsRequest {
  apiKey: number;
  apiVersion: number;
  encode(): Promise<{ buffer: Buffer }> | { buffer: Buffer };
}

interface KafkajsResponse {
  decode(raw: Buffer): Promise<unknown>;
}

interface KafkajsApi {
  versions: string[];
  protocol(opts: { version: number }): (args: unknown) => { request: KafkajsRequest; response: KafkajsResponse };
}

export function kafkajsApi(module: string): KafkajsApi {
  return require(`kafkajs/src/protocol/requests/${module}`) as KafkajsApi;
}

export async function kafkajsEncode(module: string, version: number, args: unknown): Promise<Buffer> {
  const { request } = kafkajsApi(module).protocol({ version })(args);
  return (await request.encode()).buffer;
}

export function kafkajsDecode(module: string, version: number, args: unknown, body: Buffer): Promise<unknown> {
  return kafkajsApi(module).protocol({ version })(args).response.decode(body);
}

/** kafkajs's Long, for int64 arguments such as producerId. */
export const Long = require('kafkajs/src/utils/long') as {
  fromInt(n: number): unknown;
  fromValue(v: unknown): unknown;
};

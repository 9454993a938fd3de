import type { CheckContext } from '../../engine/context.ts';
import { shellQuote } from '../../engine/curl.ts';
import type { Exchange } from '../../engine/findings.ts';
import type { HttpResponse } from '../../engine/http.ts';
import type { ConsumerTarget } from './consumer-spec.ts';
import type { OutgoingRecord, Produced } from './kafka-io.ts';

/**
 * kcat commands that reproduce what an event check produced and read. The partition is given explicitly (-p):
 * kcat's default partitioner is not Kafka's murmur2, and the order on one partition is what the checks rely on.
 */
export function kcatProduce(brokers: string[], topic: string, record: OutgoingRecord, at: Produced): string {
  const headers = Object.entries(record.headers).map(([k, v]) => `-H ${shellQuote(`${k}=${v}`)}`);
  return `printf ${shellQuote(printfEscape(record.value))} | kcat -P -b ${brokers.join(',')} -t ${topic} -p ${at.partition} -k ${shellQuote(record.key)} ${headers.join(' ')}`;
}

export function kcatConsume(brokers: string[], topic: string): string {
  return `kcat -C -b ${brokers.join(',')} -t ${topic} -o beginning -e -f ${shellQuote('partition %p offset %o key %k headers %h value %s\\n')}`;
}

/**
 * Completes the finding just reported: located at the AsyncAPI receive operation, reproduced by the kcat commands
 * and then the curl of the HTTP read that shows the effect (if any). The engine's FailInput knows only OpenAPI
 * operations and HTTP exchanges, hence this step.
 */
export function attachReproduction(
  ctx: CheckContext,
  t: ConsumerTarget,
  commands: string[],
  record: OutgoingRecord,
  read?: HttpResponse,
): void {
  const finding = ctx.findings.at(-1);
  if (!finding) return;
  const topic = t.topic;
  finding.location = t.location;
  const http = read?.exchange;
  const exchange: Exchange = http ?? {
    request: {
      method: 'PRODUCE',
      url: `kafka:${topic}`,
      headers: record.headers,
      body: record.value.toString('latin1'),
    },
    identity: 'kafka producer',
    curl: '',
  };
  finding.exchange = { ...exchange, curl: [...commands, http?.curl].filter(Boolean).join('\n') };
}

/** A printf format that writes exactly these bytes. */
function printfEscape(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x25) out += '%%';
    else if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f && b !== 0x27) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return out;
}

// `npm run broker -- --port 19092 [--data-dir DIR] [--control-port N] [--partitions N] [--no-auto-create]`
// Runs in the foreground, prints its address, exits cleanly on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startBroker } from './broker.ts';

const usage = `usage: broker [--host 127.0.0.1] [--port 9092] [--data-dir DIR] [--control-port N]
              [--partitions N] [--no-auto-create] [--initial-rebalance-delay-ms N]
              [--min-session-timeout-ms N] [--retention-bytes N] [--retention-records N] [--verbose]`;

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got ${v}\n${usage}`);
    process.exit(2);
  }
  return n;
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'control-port': { type: 'string' },
      partitions: { type: 'string' },
      'no-auto-create': { type: 'boolean' },
      'initial-rebalance-delay-ms': { type: 'string' },
      'min-session-timeout-ms': { type: 'string' },
      'retention-bytes': { type: 'string' },
      'retention-records': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }).values;
}
try {
  args = parse();
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const started = Date.now();
const broker = await startBroker({
  host: args.host,
  port: int('port', args.port) ?? 9092,
  dataDir: args['data-dir'],
  controlPort: int('control-port', args['control-port']),
  defaultPartitions: int('partitions', args.partitions),
  autoCreateTopics: !args['no-auto-create'],
  initialRebalanceDelayMs: int('initial-rebalance-delay-ms', args['initial-rebalance-delay-ms']),
  minSessionTimeoutMs: int('min-session-timeout-ms', args['min-session-timeout-ms']),
  retention: {
    maxBytes: int('retention-bytes', args['retention-bytes']),
    maxRecords: int('retention-records', args['retention-records']),
  },
  log: args.verbose ? (m) => console.error(`[broker] ${m}`) : undefined,
}).catch((err: Error) => {
  console.error(`broker failed to start: ${err.message}`);
  process.exit(1);
});
// One write, so a reader that has seen the address line has seen the control line too.
const ready = [`broker listening on ${broker.brokers} (started in ${Date.now() - started} ms)`];
if (broker.controlUrl) ready.push(`control interface on ${broker.controlUrl}`);
process.stdout.write(`${ready.join('\n')}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    broker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

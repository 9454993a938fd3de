// npm run load -- [--duration 60] [--rate 5] [--fault postgres-restart [--fault-port 5433]]
// DATABASE_URL / KAFKA_BROKERS: real PostgreSQL (a scratch database is made there and dropped) and Apache Kafka;
// without them the embedded defaults. Exit code 0 only when every invariant holds. See docs/load.md.
import { parseArgs } from 'node:util';
import { runLoad, type LoadReport } from './load.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string' },
    rate: { type: 'string' },
    fault: { type: 'string' },
    'fault-port': { type: 'string' },
  },
});
if (args.fault !== undefined && args.fault !== 'postgres-restart') {
  console.error(`unknown --fault ${args.fault}: the one fault is postgres-restart`);
  process.exit(2);
}
// Ctrl-C ends the arrivals; the run still checks what it did and removes its scratch database and topics.
const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
const report: LoadReport = await runLoad({
  signal: stop.signal,
  durationSeconds: Number(args.duration ?? 60),
  rate: args.rate === undefined ? undefined : Number(args.rate),
  databaseUrl: process.env.DATABASE_URL || undefined,
  kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
  fault: args.fault as 'postgres-restart' | undefined,
  faultPort: args['fault-port'] === undefined ? undefined : Number(args['fault-port']),
}).catch((error: Error) => {
  console.error(`load: the run could not be completed: ${error.message}`);
  process.exit(1);
});
process.exit(report.ok ? 0 : 1);

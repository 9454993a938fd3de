/**
 * `npm start`: the whole platform on embedded defaults, gateway on PORT (default 8080) under /api.
 * `tsx reference/src/main.ts --service chats --port 8085 --media-url http://127.0.0.1:8088`: one service alone.
 * Environment: JWT_SECRET (required), DATABASE_URL (else PGlite; PGLITE_DIR for a data folder), KAFKA_BROKERS (else the
 * embedded broker; BROKER_DATA_DIR for its data folder), MEDIA_DIR, LOG_LEVEL, PUBLIC_API_URL (single service: the
 * gateway's /api URL for media links). A single service serves HTTP only; the event side runs with the platform.
 */
import { parseArgs } from 'node:util';
import { startPlatformWithEvents } from './platform/with-events.ts';
import { startSingleService } from './platform/single-service.ts';
import { SERVICE_NAMES, type ServiceName } from './platform/service-names.ts';

const { values } = parseArgs({
  options: {
    service: { type: 'string' },
    port: { type: 'string' },
    split: { type: 'boolean', default: false },
    ...Object.fromEntries(SERVICE_NAMES.map((s) => [`${s}-url`, { type: 'string' as const }])),
  },
});

const jwtSecret = process.env.JWT_SECRET;
if (!jwtSecret) {
  console.error('JWT_SECRET is required (the HS256 key; there is no unauthenticated mode)');
  process.exit(2);
}
const port = Number(values.port ?? process.env.PORT ?? 8080);
const common = {
  jwtSecret,
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.PGLITE_DIR,
  mediaDir: process.env.MEDIA_DIR,
  logLevel: process.env.LOG_LEVEL,
};

let close: () => Promise<void>;
if (values.service) {
  const service = values.service as ServiceName;
  if (!SERVICE_NAMES.includes(service)) {
    console.error(`unknown service ${service}; one of ${SERVICE_NAMES.join(', ')}`);
    process.exit(2);
  }
  const urls = Object.fromEntries(
    SERVICE_NAMES.map((s) => [s, (values as unknown as Record<string, string | undefined>)[`${s}-url`]]).filter(
      ([, u]) => u,
    ),
  ) as Partial<Record<ServiceName, string>>;
  const running = await startSingleService({
    ...common,
    service,
    port,
    serviceUrls: urls,
    publicApiUrl: process.env.PUBLIC_API_URL,
  });
  console.log(JSON.stringify({ service, url: running.url }));
  close = running.close;
} else {
  const platform = await startPlatformWithEvents({
    ...common,
    port,
    split: values.split,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    brokerDataDir: process.env.BROKER_DATA_DIR,
  });
  console.log(
    JSON.stringify({
      api: `${platform.baseUrl}/api`,
      services: platform.services,
      kafkaBrokers: platform.kafkaBrokers,
    }),
  );
  close = platform.close;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void close().then(() => process.exit(0)));
}

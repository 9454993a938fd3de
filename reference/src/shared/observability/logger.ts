import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout (one line per event); `LOG_LEVEL` or the platform option sets the level. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'socialnet-reference' }, timestamp: pino.stdTimeFunctions.isoTime });
}

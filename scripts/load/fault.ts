import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const POSTGRES_SH = fileURLToPath(new URL('../infra/postgres.sh', import.meta.url));

/**
 * A PostgreSQL cluster of its own for the fault (scripts/infra/postgres.sh with PG_CLUSTER/PG_PORT): restarting it
 * disturbs nobody else. `start` creates it on first use; `restart` keeps it down `downSeconds`.
 */
export function faultCluster(port: number, name = 'fault') {
  const run = async (command: 'start' | 'stop' | 'restart', extraEnv: Record<string, string> = {}) => {
    const { stdout, stderr } = await promisify(execFile)('bash', [POSTGRES_SH, command], {
      env: { ...process.env, PG_CLUSTER: name, PG_PORT: String(port), ...extraEnv },
    });
    return `${stdout}${stderr}`.trim();
  };
  return {
    adminUrl: `postgres://postgres:socialnet-test@127.0.0.1:${port}/socialnet_test`,
    start: () => run('start'),
    stop: () => run('stop'),
    restart: (downSeconds: number) => run('restart', { PG_DOWN_SECONDS: String(downSeconds) }),
  };
}

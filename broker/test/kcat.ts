// Running Debian's kcat (librdkafka) from tests.
import { spawn, spawnSync } from 'node:child_process';

export const hasKcat = (): boolean => spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;

export interface KcatResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs kcat with `args`, feeding `input` on stdin; kills it after `timeoutMs` (then code is null). */
export function kcat(args: string[], input = '', timeoutMs = 20_000): Promise<KcatResult> {
  return new Promise((resolve) => {
    const child = spawn('kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

export const jsonLines = <T>(s: string): T[] =>
  s
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as T);

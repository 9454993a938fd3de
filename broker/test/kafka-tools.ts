// Running Apache Kafka's own command-line tools (the kafka-tools jar and its dependencies, which
// scripts/infra/install.sh resolves from Maven Central into .cache/kafka-tools/lib) from tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LIB = fileURLToPath(new URL('../../.cache/kafka-tools/lib/', import.meta.url));

/** The main classes behind bin/kafka-*.sh in Kafka 4.4's distribution. */
export const TOOLS = {
  topics: 'org.apache.kafka.tools.TopicCommand',
  configs: 'org.apache.kafka.tools.ConfigCommand',
  consumerGroups: 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
  consoleProducer: 'org.apache.kafka.tools.ConsoleProducer',
  consoleConsumer: 'org.apache.kafka.tools.consumer.ConsoleConsumer',
} as const;

export const hasKafkaTools = (): boolean =>
  existsSync(LIB) &&
  readdirSync(LIB).some((f) => /^kafka-tools-\d.*\.jar$/.test(f)) &&
  spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one tool as bin/kafka-*.sh would (`java -cp LIB/* MainClass args`), feeding `input` on stdin.
 * C1 only and the serial collector: these short-lived JVMs start faster, and the output is the same.
 */
export function kafkaTool(
  tool: keyof typeof TOOLS,
  args: string[],
  input = '',
  timeoutMs = 60_000,
): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = spawn(
      'java',
      ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss1m', '-cp', `${LIB}*`, TOOLS[tool], ...args],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
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

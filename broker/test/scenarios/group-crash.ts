// Two members split 4 partitions; one process is killed without leaving, and after its session
// times out the survivor owns every partition.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { consumerConfig, kafka, trackAssignments, unique, waitFor } from '../helpers.ts';
import type { ScenarioEnv } from './env.ts';

const MEMBER = fileURLToPath(new URL('../fixtures/group-member.ts', import.meta.url));

export interface GroupCrashResult {
  split: [number[], number[]];
  afterCrash: number[];
}

export async function groupCrash(env: ScenarioEnv): Promise<GroupCrashResult> {
  const topic = unique('gc');
  const groupId = unique('gc-group');
  const client = kafka(env.brokers);
  const admin = client.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
  const survivor = client.consumer(consumerConfig(groupId, env.timing));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MEMBER, env.brokers, groupId, topic, JSON.stringify(env.timing)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const childAssignments: number[][] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines)
      if (line.startsWith('assigned ')) childAssignments.push(JSON.parse(line.slice(9)) as number[]);
  });
  try {
    const a = trackAssignments(survivor, topic);
    await survivor.connect();
    await survivor.subscribe({ topic, fromBeginning: true });
    await survivor.run({ eachMessage: async () => undefined });
    const split = await waitFor(
      'both members assigned',
      () => {
        const pa = a.current() ?? [];
        const pb = [...(childAssignments[childAssignments.length - 1] ?? [])].sort((x, y) => x - y);
        return pa.length > 0 && pb.length > 0 && pa.length + pb.length === 4 && ([pa, pb] as [number[], number[]]);
      },
      40_000,
    );
    child.kill('SIGKILL');
    const afterCrash = await waitFor(
      'survivor takes all partitions',
      () => a.current()?.length === 4 && a.current(),
      40_000,
    );
    return { split, afterCrash };
  } finally {
    child.kill('SIGKILL');
    await survivor.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

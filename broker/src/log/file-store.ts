// Optional persistence: topics.json, one append-only file of stored batches per partition (batches carry
// their own offsets and lengths, so the file is the log), offsets.json for committed offsets and
// producers.json for idempotent-producer state (both written at most every 200 ms, and on close).
// Files are rewritten when retention has dropped enough of them; a torn tail is cut off on load.
import fs from 'node:fs';
import path from 'node:path';
import type { GroupCoordinator } from '../groups/coordinator.ts';
import type { ProducerRegistry, ProducerSnapshot } from '../producers/producer-registry.ts';
import { Group } from '../groups/group.ts';
import type { PartitionLog, StoredBatch } from './partition-log.ts';
import { readBatchHeader } from './record-batch.ts';
import type { TopicStore } from './topic-store.ts';

export interface FileStore {
  close(): Promise<void>;
}

type OffsetsFile = Record<string, [topic: string, partition: number, offset: number, metadata: string | null][]>;

const logFile = (dir: string, topic: string, partition: number): string =>
  path.join(dir, 'logs', `${topic}-${partition}.log`);

function writeJsonAtomic(file: string, value: unknown): void {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value));
  fs.renameSync(`${file}.tmp`, file);
}

function loadPartition(file: string, log: PartitionLog): number {
  if (!fs.existsSync(file)) return 0;
  const data = fs.readFileSync(file);
  let at = 0;
  while (at + 61 <= data.length) {
    const end = at + 12 + data.readInt32BE(at + 8);
    if (end > data.length) break;
    const batch = Buffer.from(data.subarray(at, end));
    const h = readBatchHeader(batch);
    const baseOffset = Number(batch.readBigInt64BE(0));
    log.restore({ baseOffset, lastOffset: baseOffset + h.lastOffsetDelta, maxTimestamp: h.maxTimestamp, data: batch });
    at = end;
  }
  if (at < data.length) fs.truncateSync(file, at);
  return at;
}

export async function openFileStore(
  dir: string,
  topics: TopicStore,
  groups: GroupCoordinator,
  producers: ProducerRegistry,
): Promise<FileStore> {
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const topicsFile = path.join(dir, 'topics.json');
  const offsetsFile = path.join(dir, 'offsets.json');
  const producersFile = path.join(dir, 'producers.json');
  const fileBytes = new Map<string, number>();

  // Each topic: its partition count, id (base64url, as Kafka prints topic ids) and config overrides; older files
  // hold the count only.
  type SavedTopic = number | { partitions: number; id: string; configs?: Record<string, string> };
  const saved = fs.existsSync(topicsFile)
    ? (JSON.parse(fs.readFileSync(topicsFile, 'utf8')) as Record<string, SavedTopic>)
    : {};
  for (const [name, entry] of Object.entries(saved)) {
    const count = typeof entry === 'number' ? entry : entry.partitions;
    const topic =
      typeof entry === 'number'
        ? topics.create(name, count)
        : topics.create(name, count, Buffer.from(entry.id, 'base64url'), new Map(Object.entries(entry.configs ?? {})));
    topic.partitions.forEach((log, i) =>
      fileBytes.set(logFile(dir, name, i), loadPartition(logFile(dir, name, i), log)),
    );
  }
  if (fs.existsSync(offsetsFile)) {
    const offsets = JSON.parse(fs.readFileSync(offsetsFile, 'utf8')) as OffsetsFile;
    for (const [groupId, entries] of Object.entries(offsets)) groups.restoreOffsets(groupId, entries);
  }
  if (fs.existsSync(producersFile))
    producers.restore(JSON.parse(fs.readFileSync(producersFile, 'utf8')) as ProducerSnapshot);

  const saveTopics = () =>
    writeJsonAtomic(
      topicsFile,
      Object.fromEntries(
        topics.names().flatMap((n) => {
          const t = topics.get(n);
          return t
            ? [
                [
                  n,
                  {
                    partitions: t.partitions.length,
                    id: t.id.toString('base64url'),
                    configs: Object.fromEntries(t.configs),
                  },
                ],
              ]
            : [];
        }),
      ),
    );
  let offsetsDirty = false;
  const saveOffsets = () => {
    if (!offsetsDirty) return;
    offsetsDirty = false;
    const out: OffsetsFile = {};
    for (const g of groups.all()) {
      out[g.id] = [...g.offsets.entries()].map(([key, c]) => [...Group.splitOffsetKey(key), c.offset, c.metadata]);
    }
    writeJsonAtomic(offsetsFile, out);
  };
  const saveProducers = () => {
    if (!producers.dirty) return;
    producers.dirty = false;
    writeJsonAtomic(producersFile, producers.snapshot());
  };
  const saveTimer = setInterval(() => {
    saveOffsets();
    saveProducers();
  }, 200);

  const compact = (file: string, log: PartitionLog): void => {
    const retained = log.batches.map((b: StoredBatch) => b.data);
    fs.writeFileSync(`${file}.tmp`, Buffer.concat(retained));
    fs.renameSync(`${file}.tmp`, file);
    fileBytes.set(file, log.bytes);
  };

  topics.listener = {
    topicCreated: () => saveTopics(),
    topicConfigured: () => saveTopics(),
    topicDeleted(name) {
      saveTopics();
      for (const f of fs.readdirSync(path.join(dir, 'logs'))) {
        if (f.startsWith(`${name}-`) && /^\d+\.log$/.test(f.slice(name.length + 1)))
          fs.rmSync(path.join(dir, 'logs', f));
      }
    },
    batchAppended(topic, partition, batch) {
      const file = logFile(dir, topic, partition);
      fs.appendFileSync(file, batch.data);
      const bytes = (fileBytes.get(file) ?? 0) + batch.data.length;
      fileBytes.set(file, bytes);
      const log = topics.partition(topic, partition);
      if (log && bytes > 2 * log.bytes + 1024 * 1024) compact(file, log);
    },
  };
  groups.listener = {
    offsetsChanged: () => {
      offsetsDirty = true;
    },
    groupDeleted: () => {
      offsetsDirty = true;
    },
  };

  return {
    async close() {
      clearInterval(saveTimer);
      saveOffsets();
      saveProducers();
      topics.listener = null;
      groups.listener = null;
    },
  };
}

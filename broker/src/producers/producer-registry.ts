// Idempotent producers: InitProducerId hands out ids; Produce checks each batch's (epoch, sequence)
// per partition, as Kafka's ProducerStateManager does, keeping the last 5 batches to answer retries.
import { code } from '../errors.ts';
import type { BatchHeader } from '../log/record-batch.ts';

const WINDOW = 5;
const INT32_MAX = 2 ** 31 - 1;

interface CachedBatch {
  firstSeq: number;
  lastSeq: number;
  baseOffset: number;
}

interface PartitionProducerState {
  epoch: number;
  lastSeq: number;
  recent: CachedBatch[];
}

export type SequenceDecision =
  { kind: 'append' } | { kind: 'duplicate'; baseOffset: number } | { kind: 'error'; errorCode: number };

const lastSequenceOf = (h: BatchHeader): number => (h.baseSequence + h.lastOffsetDelta) % (INT32_MAX + 1);
const nextSequence = (seq: number): number => (seq === INT32_MAX ? 0 : seq + 1);

export interface ProducerSnapshot {
  nextId: number;
  states: [key: string, state: PartitionProducerState][];
}

export class ProducerRegistry {
  private nextId = 1000;
  private readonly states = new Map<string, PartitionProducerState>();
  /** Set on every change, cleared by whoever persists the snapshot (log/file-store.ts). */
  dirty = false;

  /** What a restart needs to keep de-duplicating retries and never reissue a producer id (Kafka's producer snapshots). */
  snapshot(): ProducerSnapshot {
    return { nextId: this.nextId, states: [...this.states.entries()] };
  }

  restore(s: ProducerSnapshot): void {
    this.nextId = Math.max(this.nextId, s.nextId);
    for (const [key, state] of s.states) this.states.set(key, state);
  }

  initProducerId(): { producerId: number; producerEpoch: number } {
    this.dirty = true;
    return { producerId: this.nextId++, producerEpoch: 0 };
  }

  private key(producerId: number, topic: string, partition: number): string {
    return `${producerId}\u0000${topic}\u0000${partition}`;
  }

  check(h: BatchHeader, topic: string, partition: number): SequenceDecision {
    const state = this.states.get(this.key(h.producerId, topic, partition));
    // No state for this producer here (new partition, or state lost): Kafka (KIP-360) accepts any sequence.
    if (!state) return { kind: 'append' };
    if (h.producerEpoch < state.epoch) return { kind: 'error', errorCode: code.INVALID_PRODUCER_EPOCH };
    if (h.producerEpoch > state.epoch) {
      return h.baseSequence === 0
        ? { kind: 'append' }
        : { kind: 'error', errorCode: code.OUT_OF_ORDER_SEQUENCE_NUMBER };
    }
    const last = lastSequenceOf(h);
    const cached = state.recent.find((b) => b.firstSeq === h.baseSequence && b.lastSeq === last);
    if (cached) return { kind: 'duplicate', baseOffset: cached.baseOffset };
    if (h.baseSequence !== nextSequence(state.lastSeq)) {
      return { kind: 'error', errorCode: code.OUT_OF_ORDER_SEQUENCE_NUMBER };
    }
    return { kind: 'append' };
  }

  record(h: BatchHeader, topic: string, partition: number, baseOffset: number): void {
    const key = this.key(h.producerId, topic, partition);
    let state = this.states.get(key);
    if (!state || state.epoch !== h.producerEpoch) {
      state = { epoch: h.producerEpoch, lastSeq: -1, recent: [] };
      this.states.set(key, state);
    }
    const lastSeq = lastSequenceOf(h);
    state.lastSeq = lastSeq;
    state.recent.push({ firstSeq: h.baseSequence, lastSeq, baseOffset });
    if (state.recent.length > WINDOW) state.recent.shift();
    this.dirty = true;
  }

  /** Forgets the producer state of a deleted topic. */
  forgetTopic(topic: string): void {
    for (const key of this.states.keys()) if (key.split('\u0000')[1] === topic) this.states.delete(key);
    this.dirty = true;
  }
}

import { createHash, randomBytes } from 'node:crypto';

export const NUM_SHARDS = 4;

/** The original's shard choice: the first 8 bytes of SHA-256(email), mod the number of shards. */
export function shardOf(email: string): number {
  return Number(createHash('sha256').update(email.toLowerCase()).digest().readBigUInt64BE(0) % BigInt(NUM_SHARDS));
}

/** `<shard>-<hex>`: a random 64-bit number in hex without zero padding, as the original printed it. */
export function newUserId(shard: number): string {
  return `${shard}-${randomBytes(8).readBigUInt64BE(0).toString(16)}`;
}

export const shardOfUserId = (userId: string): number => Number(userId.split('-')[0]);

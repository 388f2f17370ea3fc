// Sharding: `--shard i/n` keeps the documents whose path hashes to part i of n, so that n machines
// (or n runs) each build a disjoint part and `zhengtu merge` joins them. The hash of the path, not
// its position in the input list, decides: adding a file moves no other file to another part.
import { createHash } from 'node:crypto';
import { UserError } from '../util/errors.ts';

export interface Shard {
  /** 1-based: part 1 … count. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/3), not "${text}"`);
  }
  return { index, count };
}

/** Part (1-based) a document path belongs to among `count` parts. */
export function shardOf(path: string, count: number): number {
  const h = createHash('sha1').update(path).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function inShard(path: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(path, shard.count) === shard.index;
}

// Before any document is read: the cache key of every whole file — from the previous build's
// (size, mtime) when they match (see state.ts for the trade-off), else a hash of its bytes — the
// input bytes, and how many documents are left to extract, which decides where they run.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, type IngestOptions } from '../ingest/index.ts';
import { cacheKey, hashBytes, type ResultCache } from './cache.ts';
import { inShard, type Shard } from './shard.ts';
import { RACY_MS, type BuildState } from './state.ts';

export interface PlanOptions {
  ingest: IngestOptions;
  shard?: Shard;
  rehash?: boolean;
  isContainer: (path: string) => boolean;
  /** Called at the first whole file found to need extracting (a re-run starts loading jieba then). */
  onExtract?: () => void;
}

export interface Plan {
  /** Whole files: path → size, mtime, key (the next build's manifest). */
  files: Map<string, [number, number, string]>;
  keys: Map<string, string>;
  totalBytes: number;
  /** Whole files neither in the cache nor reusable: what is left to extract (containers aside). */
  toExtract: number;
  /** Their bytes. */
  bytesToExtract: number;
  containers: number;
}

export async function planInputs(
  entries: { path: string; error?: string }[],
  cache: ResultCache | undefined,
  prev: BuildState | undefined,
  reusable: (key: string) => boolean,
  options: PlanOptions,
): Promise<Plan> {
  const plan: Plan = { files: new Map(), keys: new Map(), totalBytes: 0, toExtract: 0, bytesToExtract: 0, containers: 0 };
  const maxBytes = options.ingest.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const e of entries) {
    if (e.error || !(options.isContainer(e.path) || inShard(e.path, options.shard))) continue;
    const st = statSync(e.path, { throwIfNoEntry: false });
    plan.totalBytes += st?.size ?? 0;
    if (options.isContainer(e.path)) {
      plan.containers++;
      continue;
    }
    let key: string | undefined;
    if (cache && st && st.size > 0 && st.size <= maxBytes) {
      const seen = prev?.files.get(e.path);
      if (!options.rehash && seen && seen[0] === st.size && seen[1] === st.mtimeMs && st.mtimeMs < prev!.startedAt - RACY_MS) key = seen[2];
      else {
        const bytes = await readFile(e.path).catch(() => undefined);
        if (bytes) key = cacheKey(['file', e.path, hashBytes(bytes)]);
      }
      if (key) {
        plan.keys.set(e.path, key);
        plan.files.set(e.path, [st.size, st.mtimeMs, key]);
      }
    }
    if (!key || !(reusable(key) || cache!.has(key))) {
      if (plan.toExtract === 0) options.onExtract?.();
      plan.toExtract++;
      plan.bytesToExtract += st?.size ?? 0;
    }
  }
  return plan;
}

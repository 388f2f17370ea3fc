// `build` composes the stages: ingest → (clean → extract → resolve → relate per document, in worker
// threads, or from the cache) → merge → graph → outputs (documents.json, graph.json).
//
// The main thread lists the inputs, reads containers record by record, looks results up in the
// cache, and folds finished results into the graph in input order; whole files are read by the
// workers themselves. At most a few documents per worker are in flight, and a finished document's
// text goes straight to documents.json, so memory holds the graph, not the corpus.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import type { IngestError, SourceDocument } from '../types.ts';
import { DEFAULT_MAX_BYTES, ingestFile, isIngestError, resolveInputs, type IngestOptions } from '../ingest/index.ts';
import { writeGraph, type KnowledgeGraph } from '../graph/io.ts';
import { GraphAccumulator } from './accumulate.ts';
import { builtAtNow } from './merge.ts';
import { cacheKey, fingerprint, hashBytes, ResultCache } from './cache.ts';
import type { CompactResult, JobContext, Outcome } from './job.ts';
import { JsonArrayWriter, writeJSON } from './output.ts';
import { createRunner, WorkerPool, type Runner } from './pool.ts';
import { inShard, type Shard } from './shard.ts';

export { writeJSON } from './output.ts';

export interface BuildOptions {
  out: string;
  ingest?: IngestOptions;
  /** Worker threads (default: the number of cores). 1 runs in the main thread unless `mainThread` is false. */
  workers?: number;
  mainThread?: boolean;
  /** Result cache directory (default `<out>/.cache`); false: no cache. */
  cache?: string | false;
  /** The cache's fingerprint; default fingerprint() of the data and extraction sources. A benchmark
   *  pins it, so that a colleague's edit between two runs does not empty the cache. */
  fingerprint?: string;
  /** Build only part `index` of `count` (see shard.ts). */
  shard?: Shard;
  /** The graph's builtAt; default SOURCE_DATE_EPOCH when set, else now. */
  builtAt?: string;
  onProgress?: (progress: BuildProgress) => void;
  onError?: (err: IngestError) => void;
}

export interface BuildProgress {
  /** Documents done (processed or from the cache). */
  documents: number;
  cached: number;
  failed: number;
  /** Input bytes done, of the total input bytes (containers count whole, shards only their files). */
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
}

export interface BuildStats extends BuildProgress {
  /** Documents extracted in this run. */
  processed: number;
  workers: number;
  /** False when the documents were extracted in the main thread. */
  threads: boolean;
  /** With threads: the share of the run the workers spent on jobs (1 = never waiting for the main thread). */
  workerBusy?: number;
  /** Peak resident set of the process (main thread and workers), MiB. */
  maxRssMb: number;
}

export interface BuildResult {
  /** The documents built, in input order (metadata; their text is in documents.json). */
  documents: SourceDocument[];
  failures: IngestError[];
  graph: KnowledgeGraph;
  stats: BuildStats;
}

const CONTAINER_EXTENSIONS = new Set(['.jsonl', '.csv']);

/** One input's share of the work, in input order. */
interface Scheduled {
  bytes: number;
  cached: boolean;
  outcomes: Promise<Outcome[]>;
}

export async function build(inputs: string[], options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const ingestOptions = options.ingest ?? {};
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const cacheRoot = options.cache === false ? undefined : (options.cache ?? join(options.out, '.cache'));
  const print = cacheRoot ? (options.fingerprint ?? fingerprint()) : undefined;
  const cache = cacheRoot ? new ResultCache(cacheRoot, print) : undefined;
  const ctx: JobContext = { ingest: ingestOptions, cacheRoot, fingerprint: print };
  const runner = createRunner(workers, ctx, options.mainThread ?? true);

  const entries = resolveInputs(inputs);
  const isContainer = (path: string) => CONTAINER_EXTENSIONS.has(extname(path).toLowerCase());
  const sizeOf = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  const totalBytes = entries.reduce((n, e) => n + (e.error || !(isContainer(e.path) || inShard(e.path, options.shard)) ? 0 : sizeOf(e.path)), 0);

  mkdirSync(options.out, { recursive: true });
  const writer = new JsonArrayWriter(join(options.out, 'documents.json'));
  const accumulator = new GraphAccumulator();
  const documents: SourceDocument[] = [];
  const failures: IngestError[] = [];
  const progress: BuildProgress = { documents: 0, cached: 0, failed: 0, bytes: 0, totalBytes, elapsedMs: 0 };
  let processed = 0;
  let seq = 0;

  const fail = (failure: IngestError): Scheduled => ({ bytes: 0, cached: false, outcomes: Promise.resolve([{ ok: false, failure }]) });
  const hit = async (key: string | undefined, bytes: number): Promise<Scheduled | undefined> => {
    const entry = key && (await cache?.get(key));
    return entry ? { bytes, cached: true, outcomes: Promise.resolve([{ ok: true, ...entry }]) } : undefined;
  };
  const run = (job: Parameters<Runner['run']>[0], bytes: number): Scheduled => {
    const outcomes = runner.run(job);
    outcomes.catch(() => {}); // awaited in order below; this only keeps an early rejection from being "unhandled"
    return { bytes, cached: false, outcomes };
  };

  async function* schedule(): AsyncGenerator<Scheduled> {
    for (const entry of entries) {
      const { path } = entry;
      if (entry.error) {
        yield fail({ path, message: entry.error });
      } else if (isContainer(path)) {
        // Every part reads the container; each keeps its own records. The file's own errors are
        // reported by the part that owns its path.
        const ownsFile = inShard(path, options.shard);
        let credited = 0;
        for await (const item of ingestFile(path, ingestOptions)) {
          if (isIngestError(item)) {
            if (ownsFile) yield fail(item);
            continue;
          }
          if (!inShard(item.path, options.shard)) continue;
          const bytes = Buffer.byteLength(item.text);
          credited += bytes;
          const key = cache && cacheKey(['doc', item.path, item.format, JSON.stringify(item.meta), item.id]);
          yield (await hit(key, bytes)) ?? run({ seq: seq++, kind: 'doc', raw: item, key }, bytes);
        }
        yield { bytes: Math.max(0, sizeOf(path) - credited), cached: false, outcomes: Promise.resolve([]) };
      } else if (inShard(path, options.shard)) {
        const size = sizeOf(path);
        const maxBytes = ingestOptions.maxBytes ?? DEFAULT_MAX_BYTES;
        // The key hashes the file's bytes, so a cached file is not even decoded.
        let key: string | undefined;
        if (cache && size > 0 && size <= maxBytes) {
          const bytes = await readFile(path).catch(() => undefined);
          if (bytes) key = cacheKey(['file', path, hashBytes(bytes)]);
        }
        yield (await hit(key, size)) ?? run({ seq: seq++, kind: 'file', path, key }, size);
      }
    }
  }

  const finish = async (item: Scheduled) => {
    for (const outcome of await item.outcomes) {
      if (outcome.ok) {
        writer.write(outcome.docJSON);
        const compact = JSON.parse(outcome.compactJSON) as CompactResult;
        accumulator.add(compact);
        documents.push(compact.doc);
        progress.documents++;
        if (item.cached) progress.cached++;
        else processed++;
      } else {
        failures.push(outcome.failure);
        progress.failed++;
        options.onError?.(outcome.failure);
      }
    }
    progress.bytes += item.bytes;
    progress.elapsedMs = Date.now() - started;
    options.onProgress?.(progress);
  };

  // Results are taken in input order, whatever order the workers finish in; the window bounds
  // how many documents (and their text) wait in memory.
  const window = Math.max(4, runner.capacity * 2);
  const inFlight: Scheduled[] = [];
  try {
    for await (const item of schedule()) {
      inFlight.push(item);
      while (inFlight.length >= window) await finish(inFlight.shift()!);
    }
    while (inFlight.length) await finish(inFlight.shift()!);
    writer.close();
  } catch (err) {
    writer.abort();
    throw err;
  } finally {
    await runner.close();
  }

  const graph = accumulator.toGraph(options.builtAt ?? builtAtNow());
  writeGraph(join(options.out, 'graph.json'), graph);
  const failuresPath = join(options.out, 'failures.json');
  if (failures.length) writeJSON(failuresPath, failures);
  else rmSync(failuresPath, { force: true });
  cache?.pruneOtherFingerprints();

  progress.elapsedMs = Date.now() - started;
  const maxRSS = Math.max(process.resourceUsage().maxRSS, runner instanceof WorkerPool ? runner.maxRSS : 0);
  const pool = runner instanceof WorkerPool ? runner : undefined;
  const workerBusy = pool && progress.elapsedMs ? Math.round((pool.busyMs / (workers * progress.elapsedMs)) * 100) / 100 : undefined;
  const stats: BuildStats = { ...progress, processed, workers, threads: !!pool, workerBusy, maxRssMb: Math.round(maxRSS / 1024) };
  return { documents, failures, graph, stats };
}

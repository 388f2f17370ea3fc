// `build` composes the stages: ingest → (clean → extract → resolve → relate per document, in worker
// threads, or from the cache) → merge → outputs (documents.json, and graph.json written straight from
// the merge), or, on a re-run after a few changes, a patch of the previous outputs (patch.ts).
//
// The main thread lists the inputs, reads containers record by record, looks results up in the
// cache, and folds finished results into the graph in input order; whole files are read by the
// workers themselves. At most a few documents per worker are in flight, and a finished document's
// text goes straight to documents.json, so memory holds the graph, not the corpus.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import type { IngestError, SourceDocument } from '../types.ts';
import { UserError } from '../util/errors.ts';
import { ingestFile, isIngestError, resolveInputs, type IngestOptions } from '../ingest/index.ts';
import { readGraph, type KnowledgeGraph } from '../graph/io.ts';
import { GraphAccumulator } from './accumulate.ts';
import { builtAtNow } from './merge.ts';
import { cacheKey, fingerprint, ResultCache } from './cache.ts';
import type { CompactResult, JobContext, Outcome } from './job.ts';
import { JsonArrayWriter, readInBackground, writeJSON } from './output.ts';
import { InlineRunner, WorkerPool, type Runner } from './pool.ts';
import { GraphPatch, type DocumentChange, type PatchBase } from './patch.ts';
import { loadJiebaInBackground } from '../extract/index.ts';
import { planInputs } from './plan.ts';
import { STATE_VERSION, outputsIntact, readState, stampOf, statePaths, writeGraphFiles, writeState, type BuildState, type StateDocument } from './state.ts';
import { inShard, type Shard } from './shard.ts';


export interface BuildOptions {
  out: string;
  ingest?: IngestOptions;
  /**
   * Threads extracting documents (default: the number of cores). The main thread is one of them
   * unless `mainThread` is false: 1 = the main thread alone, 2 = the main thread and one worker.
   */
  workers?: number;
  mainThread?: boolean;
  /** Up to this much text to extract, the main thread does it alone (default INLINE_BYTES). */
  inlineBytes?: number;
  /** Result cache directory (default `<out>/.cache`); false: no cache. */
  cache?: string | false;
  /** The cache's fingerprint; default fingerprint() of the data and extraction sources. A benchmark
   *  pins it, so that a colleague's edit between two runs does not empty the cache. */
  fingerprint?: string;
  /** Build only part `index` of `count` (see shard.ts). */
  shard?: Shard;
  /** Hash every input file, even one whose size and mtime match the previous build (see state.ts). */
  rehash?: boolean;
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
  /** With threads: the longest worker start-up (jieba's dictionaries mostly), ms; part of elapsedMs. */
  workerStartupMs?: number;
  /** Peak resident set of the process (main thread and workers), MiB. */
  maxRssMb: number;
  /** True when graph.json was patched from the previous build's instead of merged anew. */
  patched: boolean;
  /** The graph's order and size (known without loading a patched graph). */
  nodes: number;
  edges: number;
  /** Where the time went, ms: planning (stat/hash inputs), documents (extract or take from the cache), merge, write. */
  phasesMs: Record<string, number>;
}

export interface BuildResult {
  /** The documents built, in input order (metadata; their text is in documents.json). */
  documents: SourceDocument[];
  failures: IngestError[];
  /** Built on first use: from the merge, or (after a patched build) read from graph.json. */
  readonly graph: KnowledgeGraph;
  stats: BuildStats;
}

const CONTAINER_EXTENSIONS = new Set(['.jsonl', '.csv']);

/** One input's share of the work, in input order. */
interface Scheduled {
  bytes: number;
  cached: boolean;
  outcomes: Promise<Outcome[]>;
  /** Unchanged since the previous build: its index there (nothing read). */
  reuse?: number;
  key?: string;
}

/** A document of this build, while it may still be patched in: reused as it was, or a result. */
type Slot = { reuse: number } | { key?: string; entry: Outcome & { ok: true } };

/** Beyond this many changed documents, the build merges anew instead of patching. */
const MAX_PATCHED = 64;
/** Up to this much text to extract (and no container), the main thread extracts it alone: a worker's
 *  start (0.5–0.9 s: the sources, jieba, the lexicons) costs more than the second thread gains. Measured
 *  on re-runs of the news corpus: 10 changed files 1.1 s alone against 1.5 s with a worker, 62 files
 *  (1.6 MB) 2.5 s against 2.7 s. */
export const INLINE_BYTES = 1_500_000;
/** From this much text on, each extracting thread fills jieba's tag cache before it starts (0.2 s, saved after ~2 MB). */
const BULK_BYTES = 4_000_000;

/**
 * A build that read no input at all (a mistyped path, every file undecodable) must not replace good
 * outputs with an empty graph: it writes nothing, and removes the --out folder only if it made it.
 */
function nothingRead(failures: IngestError[], out: string, createdOut: boolean): UserError {
  if (createdOut) rmSync(out, { recursive: true, force: true });
  const first = failures[0]!;
  const kept = createdOut ? '' : `; the previous outputs in ${out} are kept`;
  return new UserError(`no input could be read (${failures.length} failed; ${first.path}: ${first.message}), so nothing was written${kept}`);
}

export async function build(inputs: string[], options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const phasesMs: Record<string, number> = {};
  let lap = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phasesMs[name] = Math.round((phasesMs[name] ?? 0) + now - lap);
    lap = now;
  };
  const ingestOptions = options.ingest ?? {};
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  // Before the cache makes <out>/.cache: whether this build made --out (see nothingRead).
  const createdOut = !existsSync(options.out);
  const cacheRoot = options.cache === false ? undefined : (options.cache ?? join(options.out, '.cache'));
  const print = cacheRoot ? (options.fingerprint ?? fingerprint()) : undefined;
  const cache = cacheRoot ? new ResultCache(cacheRoot, print) : undefined;
  const ctx: JobContext = { ingest: ingestOptions, cacheRoot, fingerprint: print };
  const graphPath = join(options.out, 'graph.json');
  const docsPath = join(options.out, 'documents.json');

  const entries = resolveInputs(inputs);
  const isContainer = (path: string) => CONTAINER_EXTENSIONS.has(extname(path).toLowerCase());
  const sizeOf = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

  // The previous build into this --out, if its outputs are untouched since.
  const paths = cache && statePaths(cache.dir, options.out);
  const signature = JSON.stringify({ entries: entries.map((e) => e.path), ingest: ingestOptions, shard: options.shard ?? null });
  const prev = paths && readState(paths, signature);
  const patchable = !!prev && prev.patchable && outputsIntact(prev, graphPath, docsPath, paths!.support);
  const prevByKey = new Map(patchable ? prev!.docs.map((d, i) => [d.key, i]) : []);

  const { files, keys, totalBytes, toExtract, bytesToExtract, containers } = await planInputs(entries, cache, prev, (key) => prevByKey.has(key), {
    ingest: ingestOptions,
    shard: options.shard,
    rehash: options.rehash,
    isContainer,
    // A re-run's plan is short: jieba's dictionary (the longest part of extracting one document)
    // starts loading at the first change found, for the main thread that will extract it.
    onExtract: patchable && (options.mainThread ?? true) ? () => void loadJiebaInBackground().catch(() => {}) : undefined,
  });
  ctx.bulk = containers > 0 || bytesToExtract >= BULK_BYTES;
  const inline = (options.mainThread ?? true) && (workers <= 1 || (!containers && bytesToExtract <= (options.inlineBytes ?? INLINE_BYTES)));
  const mainThreadToo = (options.mainThread ?? true) && workers > 1;
  const runner: Runner = inline ? new InlineRunner(ctx) : new WorkerPool(mainThreadToo ? workers - 1 : workers, ctx, mainThreadToo);
  // Workers start now, all of them, so that their start-up overlaps reading the inputs.
  // A re-run that will likely patch reads the previous outputs now, on libuv's threads, while this
  // thread loads the lexicons and the model (warm, just below; jieba's dictionary is being built on
  // the thread pool) and reads, cleans and extracts the changed documents.
  const previous =
    patchable && !containers && toExtract <= MAX_PATCHED
      ? { graph: readInBackground(graphPath), support: readInBackground(paths!.support), docs: readInBackground(docsPath) }
      : undefined;
  if (previous) for (const read of Object.values(previous)) read.catch(() => {});
  // What the changed files said before is taken back from the old graph as soon as it is read, while
  // they are extracted anew (the first half of the patch; see GraphPatch).
  const takenBack = previous ? takeBack(prev!.docs.filter((d) => keys.get(d.path) !== d.key)).catch(() => undefined) : Promise.resolve(undefined);
  if (toExtract > 0 || containers) runner.warm(containers ? workers : toExtract);
  phase('plan');

  mkdirSync(options.out, { recursive: true });
  let writer = new JsonArrayWriter(docsPath);
  const accumulator = new GraphAccumulator(!!cache);
  const documents: SourceDocument[] = [];
  const stateDocs: StateDocument[] = [];
  const failures: IngestError[] = [];
  const progress: BuildProgress = { documents: 0, cached: 0, failed: 0, bytes: 0, totalBytes, elapsedMs: 0 };
  let processed = 0;
  let seq = 0;
  // While a patch is possible, documents wait here (reused ones as an index only).
  let slots: Slot[] | undefined = patchable ? [] : undefined;
  let changedCount = 0;

  const fail = (failure: IngestError): Scheduled => ({ bytes: 0, cached: false, outcomes: Promise.resolve([{ ok: false, failure }]) });
  const hit = async (key: string | undefined, bytes: number): Promise<Scheduled | undefined> => {
    if (key && slots && prevByKey.has(key) && cache!.has(key)) return { bytes, cached: true, reuse: prevByKey.get(key), outcomes: Promise.resolve([]) };
    const entry = key && (await cache?.get(key));
    return entry ? { bytes, cached: true, key, outcomes: Promise.resolve([{ ok: true, ...entry }]) } : undefined;
  };
  const run = (job: Parameters<Runner['run']>[0], bytes: number): Scheduled => {
    const outcomes = runner.run(job);
    outcomes.catch(() => {}); // awaited in order below; this only keeps an early rejection from being "unhandled"
    return { bytes, cached: false, key: job.key, outcomes };
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
        // The key hashes the file's bytes (or comes from the plan), so a cached file is not even decoded.
        const key = keys.get(path);
        yield (await hit(key, sizeOf(path))) ?? run({ seq: seq++, kind: 'file', path, key }, sizeOf(path));
      }
    }
  }

  /** A document into documents.json and the merge. */
  const take = (key: string | undefined, entry: { docJSON: string | Uint8Array; compact: CompactResult }) => {
    const [start, end] = writer.write(entry.docJSON);
    accumulator.add(entry.compact);
    documents.push(entry.compact.doc);
    if (key) stateDocs.push({ key, id: entry.compact.doc.id, path: entry.compact.doc.path, start, end });
  };
  const cachedEntry = async (key: string) => {
    const entry = await cache!.get(key);
    if (!entry) throw new Error(`the cache entry of a document vanished during the build (${cache!.dir}); run the build again`);
    return entry;
  };
  /** Gives up patching: every waiting document goes the full way. */
  const unwind = async () => {
    const waiting = slots ?? [];
    slots = undefined;
    for (const slot of waiting) {
      if ('reuse' in slot) {
        const { key } = prev!.docs[slot.reuse];
        const entry = await cachedEntry(key);
        take(key, { docJSON: entry.docJSON, compact: JSON.parse(entry.compactJSON) as CompactResult });
      } else take(slot.key, { docJSON: slot.entry.docJSON, compact: JSON.parse(slot.entry.compactJSON) as CompactResult });
    }
  };

  const finish = async (item: Scheduled) => {
    if (item.reuse !== undefined) {
      if (slots) slots.push({ reuse: item.reuse });
      else {
        const { key } = prev!.docs[item.reuse];
        const entry = await cachedEntry(key);
        take(key, { docJSON: entry.docJSON, compact: JSON.parse(entry.compactJSON) as CompactResult });
      }
      progress.documents++;
      progress.cached++;
    }
    for (const outcome of await item.outcomes) {
      if (outcome.ok) {
        if (slots && ++changedCount > MAX_PATCHED) await unwind();
        if (slots) slots.push({ key: item.key, entry: outcome });
        else take(item.key, { docJSON: outcome.docJSON, compact: JSON.parse(outcome.compactJSON) as CompactResult });
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
  const builtAt = options.builtAt ?? builtAtNow();
  let graph: KnowledgeGraph | undefined;
  let merged: GraphAccumulator | undefined;
  let patched = false;
  let patchablePrev = true;
  let counts = { nodes: 0, edges: 0 };
  try {
    try {
      for await (const item of schedule()) {
        inFlight.push(item);
        while (inFlight.length >= window) await finish(inFlight.shift()!);
      }
      while (inFlight.length) await finish(inFlight.shift()!);
    } finally {
      await runner.close();
    }
    phase('documents');
    if (progress.documents === 0 && failures.length) throw nothingRead(failures, options.out, createdOut);
    if (slots) patched = await tryPatch(slots);
    if (!patched) {
      await unwind();
      phase('documents');
      writer.close();
      // Written straight from the merge (no graphology graph is built unless asked for).
      const layout = await writeGraphFiles(graphPath, paths?.support, accumulator.pieces(builtAt));
      if (paths) {
        patchablePrev = !accumulator.dropsRelations();
        saveState(layout, stateDocs);
      }
      counts = { nodes: layout.nodes.keys.length, edges: layout.edges.keys.length };
      merged = accumulator;
      phase('write');
    }
  } catch (err) {
    writer.abort();
    throw err;
  }

  /** The previous graph.json patched with the changed documents; false when it cannot be. */
  async function tryPatch(waiting: Slot[]): Promise<boolean> {
    const old = prev!.docs;
    if (waiting.length !== old.length) return false;
    const early = await takenBack;
    const changes: DocumentChange[] = [];
    for (let i = 0; i < waiting.length; i++) {
      const slot = waiting[i];
      if ('reuse' in slot) {
        if (slot.reuse !== i) return false;
        continue;
      }
      const before = early?.before.get(old[i].key) ?? (await cache!.get(old[i].key).then((e) => e && (JSON.parse(e.compactJSON) as CompactResult)));
      const after = JSON.parse(slot.entry.compactJSON) as CompactResult;
      if (!before || !slot.key || after.doc.path !== old[i].path) return false;
      changes.push({ before, after });
    }
    // documents.json (copied ranges, mostly) is written on the thread pool while this thread patches
    // and writes graph.json.
    const oldDocs = previous ? await previous.docs : readFileSync(docsPath);
    const docsWrite = writer.closeInBackground(waiting.map((slot, i) => ('reuse' in slot ? oldDocs.subarray(old[i].start, old[i].end) : slot.entry.docJSON)));
    docsWrite.done.catch(() => {}); // awaited below, after graph.json
    const base: PatchBase = early?.base ?? { layout: prev!.layout, graph: previous ? await previous.graph : readFileSync(graphPath), support: previous ? await previous.support : readFileSync(paths!.support) };
    const befores = changes.map((c) => c.before);
    const patch = early?.patch.tookBack(befores) ? early.patch : new GraphPatch(base, befores);
    const result = patch.apply(changes, builtAt);
    phase('merge');
    if (!result) {
      // The full merge writes documents.json again, with the same documents.
      await docsWrite.done.catch(() => {});
      writer = new JsonArrayWriter(docsPath);
      return false;
    }
    const metas = new Map(result.documents.map((d) => [d.path, d]));
    waiting.forEach((slot, i) => {
      const d = old[i];
      const [start, end] = docsWrite.ranges[i];
      stateDocs.push({ key: 'reuse' in slot ? d.key : slot.key!, id: d.id, path: d.path, start, end });
      documents.push(metas.get(d.path)!);
    });
    const layout = await writeGraphFiles(graphPath, paths!.support, result.graph, { graph: base.graph, support: base.support, layout: prev!.layout });
    await docsWrite.done;
    saveState(layout, stateDocs);
    counts = { nodes: layout.nodes.keys.length, edges: layout.edges.keys.length };
    phase('write');
    return true;
  }

  async function takeBack(changed: StateDocument[]) {
    const [graph, support] = await Promise.all([previous!.graph, previous!.support]);
    const entries = await Promise.all(changed.map((d) => cache!.get(d.key)));
    if (entries.some((e) => !e)) return undefined;
    const before = new Map(changed.map((d, i) => [d.key, JSON.parse(entries[i]!.compactJSON) as CompactResult]));
    const base: PatchBase = { layout: prev!.layout, graph, support };
    return { base, before, patch: new GraphPatch(base, [...before.values()]) };
  }

  function saveState(layout: BuildState['layout'], docs: StateDocument[]): void {
    // Keys of every document are needed to patch; a document without one (no cache key) forbids it.
    const complete = docs.length === documents.length;
    const stamps = { graph: stampOf(graphPath)!, documents: stampOf(docsPath)!, support: stampOf(paths!.support)! };
    const state: BuildState = { version: STATE_VERSION, signature, startedAt: started, files, docs, patchable: complete && patchablePrev, layout, stamps };
    writeState(paths!, state);
  }

  const failuresPath = join(options.out, 'failures.json');
  if (failures.length) writeJSON(failuresPath, failures);
  else rmSync(failuresPath, { force: true });
  cache?.pruneOtherFingerprints();

  progress.elapsedMs = Date.now() - started;
  const maxRSS = Math.max(process.resourceUsage().maxRSS, runner instanceof WorkerPool ? runner.maxRSS : 0);
  const pool = runner instanceof WorkerPool ? runner : undefined;
  const workerBusy = pool && progress.elapsedMs ? Math.round((pool.busyMs / (workers * progress.elapsedMs)) * 100) / 100 : undefined;
  const stats: BuildStats = { ...progress, processed, workers, threads: !!pool, workerBusy, workerStartupMs: pool && Math.round(pool.startupMs), maxRssMb: Math.round(maxRSS / 1024), patched, ...counts, phasesMs };
  return {
    documents,
    failures,
    stats,
    get graph() {
      return (graph ??= merged ? merged.toGraph(builtAt) : readGraph(graphPath));
    },
  };
}

// One unit of work for a worker (or the main thread): a whole file to read and process, or one
// record already read from a container. Results travel as JSON strings — the same strings the cache
// stores — so a cached and a fresh result are handled alike, and documents.json gets the Document
// without the main thread parsing or re-serializing its text.
import type { Entity, IngestError, RawDocument, Relation, SourceDocument } from '../types.ts';
import { ingestFile, isIngestError, type IngestOptions } from '../ingest/index.ts';
import { errorMessage } from '../util/errors.ts';
import { processDocument, type DocumentResult } from './document.ts';
import { ResultCache, type CacheEntry } from './cache.ts';
import { prepareExtractorAsync } from '../extract/index.ts';

export type Job =
  | { seq: number; kind: 'file'; path: string; key?: string }
  | { seq: number; kind: 'doc'; raw: RawDocument; key?: string };

/** What the cross-document merge needs of one document: no text beyond the evidence sentences. */
export interface CompactResult {
  doc: SourceDocument;
  entities: Entity[];
  relations: Relation[];
}

export type Outcome = ({ ok: true } & CacheEntry) | { ok: false; failure: IngestError };

export interface JobContext {
  ingest: IngestOptions;
  /** Cache root; entries are written here when set. */
  cacheRoot?: string;
  /** The fingerprint the main thread keyed the cache with. */
  fingerprint?: string;
  /** Enough text to extract that filling jieba's tag cache up front pays (see warmTagCache). */
  bulk?: boolean;
}

export function encodeResult(result: DocumentResult): CacheEntry {
  const { doc, entities, relations } = result;
  const compact: CompactResult = { doc: { id: doc.id, path: doc.path, title: doc.title, articles: doc.articles }, entities, relations };
  return { docJSON: JSON.stringify(doc), compactJSON: JSON.stringify(compact) };
}

/** A job that threw as a whole (not one of its documents): its file fails, not the build. */
export function failedJob(job: Job, err: unknown): Outcome[] {
  return [{ ok: false, failure: { path: job.kind === 'file' ? job.path : job.raw.path, message: `processing failed: ${errorMessage(err)}` } }];
}

export class JobRunner {
  private readonly cache?: ResultCache;

  constructor(private readonly ctx: JobContext) {
    if (ctx.cacheRoot) this.cache = new ResultCache(ctx.cacheRoot, ctx.fingerprint);
  }

  private ready?: Promise<void>;

  /**
   * Loads the lexicons and the tagger (and, for bulk runs, fills jieba's tag cache) once, while
   * jieba's dictionary is built on a libuv thread: ahead of the first job when a runner warms up,
   * else on the first job. Jobs wait for it only once their document is read.
   */
  prepare(): Promise<void> {
    this.ready ??= prepareExtractorAsync({ bulk: this.ctx.bulk ?? false }).then(() => {});
    return this.ready;
  }

  async run(job: Job): Promise<Outcome[]> {
    const ready = this.prepare();
    if (job.kind === 'doc') {
      await ready;
      return [this.process(job.raw, job.key)];
    }
    const outcomes: Outcome[] = [];
    for await (const item of ingestFile(job.path, this.ctx.ingest)) {
      if (isIngestError(item)) outcomes.push({ ok: false, failure: item });
      else {
        await ready;
        outcomes.push(this.process(item, job.key));
      }
    }
    return outcomes;
  }

  private process(raw: RawDocument, key: string | undefined): Outcome {
    let entry: CacheEntry;
    try {
      entry = encodeResult(processDocument(raw));
    } catch (err) {
      return { ok: false, failure: { path: raw.path, message: `processing failed: ${errorMessage(err)}` } };
    }
    if (key && this.cache) {
      try {
        this.cache.put(key, entry);
      } catch {
        // A cache that cannot be written (full disk, read-only) only costs the next run time.
      }
    }
    return { ok: true, ...entry };
  }
}

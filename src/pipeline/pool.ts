// Where jobs run: in the main thread (one at a time), or in a pool of worker threads, each loading
// the lexicons and jieba once and taking one job at a time. Workers start on demand, so a build whose
// documents all come from the cache starts none.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { JobRunner, failedJob, type Job, type JobContext, type Outcome } from './job.ts';

export interface Runner {
  /** How many jobs may usefully be in flight at once. */
  readonly capacity: number;
  /** Gets ready for `count` jobs ahead of time: loads what extraction needs (jieba, lexicons, the tagger). */
  warm(count: number): void;
  run(job: Job): Promise<Outcome[]>;
  close(): Promise<void>;
}

export class InlineRunner implements Runner {
  readonly capacity = 1;
  private readonly runner: JobRunner;
  constructor(ctx: JobContext) {
    this.runner = new JobRunner(ctx);
  }
  warm(): void {
    // A failure surfaces from run(), which awaits the same promise.
    this.runner.prepare().catch(() => {});
  }
  run(job: Job): Promise<Outcome[]> {
    return this.runner.run(job);
  }
  async close(): Promise<void> {}
}

// Workers run the TypeScript sources through tsx, registered inside the worker (Node 20 does not
// pass loader hooks or `--import` on to worker threads) and found by absolute URL, so that it
// resolves wherever the command is started from, and under vitest.
const TSX_API = tsxApiURL();
const WORKER_URL = new URL('./worker.ts', import.meta.url).href;
/**
 * A young generation of 192 MB (64 MB semi-spaces; V8's default is 16 MB): a document's tokens and
 * candidates live for the few milliseconds of its extraction and then die young instead of being
 * promoted and marked. bench:extract runs with the same setting (--max-semi-space-size=64).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

/** The ESM build of tsx's API (`tsx/esm/api` under the "import" condition). */
function tsxApiURL(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  // vitest has no import.meta.resolve: the "require" build sits beside the ESM one.
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

interface Pending {
  job: Job;
  resolve: (outcomes: Outcome[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs posted and not yet answered, by seq, oldest first. */
  inflight: Map<number, Pending>;
  /** Jobs finished: a worker that dies before its first cannot start at all. */
  done: number;
  /** Settles once the worker is ready (jieba loaded) or gone. */
  settled: Promise<void>;
}

/**
 * Jobs posted to a worker ahead of time: the next one already waits in its port when it finishes,
 * so it never idles while the main thread is busy merging a result.
 */
const PER_WORKER = 2;

export class WorkerPool implements Runner {
  readonly capacity: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  /** Largest maxRSS (KiB) any worker reported: the process-wide figure, since threads share it. */
  maxRSS = 0;
  /** Time workers spent on jobs, summed over workers: how well they were fed. */
  busyMs = 0;
  /** The longest time a worker took to start (tsx, the sources, jieba's dictionaries), ms. */
  startupMs = 0;
  private closed = false;
  /** The main thread as one more extractor (see constructor); busy while it runs a job. */
  private readonly inline?: JobRunner;
  private inlineBusy = false;

  /**
   * `size` worker threads; with `mainThreadToo` the main thread takes jobs as well, whenever every
   * worker has its next job waiting. One thread fewer to start and to compile the code for, and the
   * main thread, otherwise idle between results, does a share of the work.
   */
  constructor(
    private readonly size: number,
    private readonly ctx: JobContext,
    mainThreadToo = false,
  ) {
    if (mainThreadToo) this.inline = new JobRunner(ctx);
    this.capacity = size * (PER_WORKER + 1) + (mainThreadToo ? 2 : 0);
  }

  /** Starts `count` workers now, so that they load jieba while the main thread reads the inputs. */
  warm(count = this.size): void {
    while (this.slots.length < Math.min(count, this.size)) this.spawn();
    if (this.inline && count > this.size) this.inline.prepare().catch(() => {}); // surfaces from run()
  }

  run(job: Job): Promise<Outcome[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      // An idle worker first, then a new one, then one with room for a job in waiting.
      let slot = this.slots.find((s) => s.inflight.size === 0);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot && this.inline && !this.inlineBusy) {
        this.runInline(this.queue.shift()!);
        continue;
      }
      slot ??= this.slots.find((s) => s.inflight.size < PER_WORKER);
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.inflight.set(pending.job.seq, pending);
      slot.worker.postMessage(pending.job);
    }
  }

  private runInline(pending: Pending): void {
    this.inlineBusy = true;
    const started = performance.now();
    // As in a worker (worker.ts): a job that throws fails its document, not the build.
    this.inline!.run(pending.job)
      .catch((err: unknown) => failedJob(pending.job, err))
      .then(pending.resolve)
      .finally(() => {
        this.busyMs += performance.now() - started;
        this.inlineBusy = false;
        this.dispatch();
      });
  }

  private spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: this.ctx, resourceLimits: WORKER_LIMITS });
    let settle!: () => void;
    const slot: Slot = { worker, inflight: new Map(), done: 0, settled: new Promise((resolve) => (settle = resolve)) };
    worker.once('exit', () => settle());
    const spawned = performance.now();
    worker.on('message', (msg: { ready?: true; seq: number; outcomes: Outcome[]; maxRSS: number; ms: number }) => {
      if (msg.ready) {
        this.startupMs = Math.max(this.startupMs, performance.now() - spawned);
        settle();
        return;
      }
      this.maxRSS = Math.max(this.maxRSS, msg.maxRSS);
      const pending = slot.inflight.get(msg.seq)!;
      slot.inflight.delete(msg.seq);
      this.busyMs += msg.ms;
      slot.done++;
      pending.resolve(msg.outcomes);
      this.dispatch();
    });
    // A worker that dies (an exception outside a job, out of memory) fails its job; a fresh worker
    // takes its place for the jobs still queued.
    const die = (reason: string) => {
      const i = this.slots.indexOf(slot);
      if (i < 0 || this.closed) return;
      this.slots.splice(i, 1);
      const lost = [...slot.inflight.values()];
      slot.inflight.clear();
      if (slot.done === 0) {
        // Not one job done: the worker cannot start (tsx, a data file); every worker would fail alike.
        const err = new Error(`a worker thread could not start: ${reason}; try --workers 1`);
        for (const p of [...lost, ...this.queue.splice(0)]) p.reject(err);
        return;
      }
      // The job it was on fails; the one waiting behind it goes back to the queue, to another worker.
      const [current, ...waiting] = lost;
      if (current) {
        const { job, resolve } = current;
        const path = job.kind === 'file' ? job.path : job.raw.path;
        resolve([{ ok: false, failure: { path, message: `worker failed: ${reason}` } }]);
      }
      this.queue.unshift(...waiting);
      this.dispatch();
    };
    worker.on('error', (err) => die(err.message.split('\n')[0]));
    worker.on('exit', (code) => die(`exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    // A worker still building jieba's dictionary on the thread pool is let finish first: ending a
    // thread under native work in flight aborts the whole process. (A build whose documents all came
    // from the cache may close workers that were started ahead of time; that wait is ≈ 0.2 s.)
    await Promise.all(slots.map((s) => s.settled));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

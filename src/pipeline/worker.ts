// Worker thread: loads jieba's dictionaries as soon as it starts (reporting how long that took, so
// that start-up can be told apart from work), then runs jobs from the pool one at a time and posts
// their outcomes back.
import { parentPort, workerData } from 'node:worker_threads';
import { JobRunner, failedJob, type Job, type JobContext } from './job.ts';

const runner = new JobRunner(workerData as JobContext);
// A failure to prepare ends the worker (an unhandled rejection), as a failure to start does.
void runner.prepare().then(() => parentPort!.postMessage({ ready: true }));

// Jobs run one after another, in the order posted (the pool posts the next before this one ends).
let chain: Promise<unknown> = Promise.resolve();
parentPort!.on('message', (job: Job) => {
  chain = chain.then(() => runJob(job));
});

async function runJob(job: Job): Promise<void> {
  const started = performance.now();
  const outcomes = await runner.run(job).catch((err: unknown) => failedJob(job, err));
  const { maxRSS } = process.resourceUsage();
  parentPort!.postMessage({ seq: job.seq, outcomes, maxRSS, ms: performance.now() - started });
}

// bench:scale — `zhengtu build` on the 新闻联播 corpus (1,423 files, 36 MB): throughput with 1 and
// 2 workers (the baseline is 1, in the main thread, measured in the same run), one worker thread for
// the cost of threads, peak RSS (main thread and workers: threads share the process, so its maxRSS
// covers both), a re-run after one file changed against the full run (with where its time went:
// plan = stat/hash the inputs, documents = extract the changed one or take the cached ones,
// merge = patch or merge the graph, write = graph.json, documents.json and the build state), the
// same with nothing changed and with every input hashed (--rehash), and the graph's size.
// Each configuration runs in a child process of its own, so that RSS and warm-up are its own.
// Ends with one JSON line.
//
//   npm run bench:scale [-- --limit N] [--corpus DIR] [--skip-thread1]
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../src/pipeline/build.ts';
import { fingerprint } from '../src/pipeline/cache.ts';

interface RunOptions {
  inputs: string[];
  out: string;
  workers: number;
  mainThread: boolean;
  fingerprint: string;
  rehash?: boolean;
  cache?: string;
}

interface RunResult {
  seconds: number;
  /** CPU time of all threads: with 2 workers on 2 idle cores it nears 2 × seconds. */
  cpuSeconds: number;
  workerBusy: number | null;
  workerStartupMs: number | null;
  patched: boolean;
  phasesMs: Record<string, number>;
  bytes: number;
  documents: number;
  processed: number;
  cached: number;
  failed: number;
  maxRssMb: number;
  nodes: number;
  edges: number;
  nodesByType: Record<string, number>;
  edgesByType: Record<string, number>;
}

const count = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});

async function child(opts: RunOptions): Promise<void> {
  const t0 = performance.now();
  const r = await build(opts.inputs, { out: opts.out, workers: opts.workers, mainThread: opts.mainThread, fingerprint: opts.fingerprint, rehash: opts.rehash, cache: opts.cache, builtAt: 'bench' });
  const cpu = process.cpuUsage();
  const seconds = (performance.now() - t0) / 1000;
  // After a patched build the graph is read from graph.json on first use: after the clock stopped.
  const g = r.graph;
  const result: RunResult = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    workerBusy: r.stats.workerBusy ?? null,
    workerStartupMs: r.stats.workerStartupMs ?? null,
    patched: r.stats.patched,
    phasesMs: r.stats.phasesMs,
    bytes: r.stats.totalBytes,
    documents: r.stats.documents,
    processed: r.stats.processed,
    cached: r.stats.cached,
    failed: r.stats.failed,
    maxRssMb: r.stats.maxRssMb,
    nodes: g.order,
    edges: g.size,
    nodesByType: count(g.mapNodes((_, a) => a.type)),
    edgesByType: count(g.mapEdges((_, a) => a.type)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function run(label: string, opts: RunOptions): RunResult {
  const p = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', JSON.stringify(opts)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (p.status !== 0) throw new Error(`${label}: child failed (${p.status}): ${p.stderr.slice(-2000)}`);
  const r = JSON.parse(p.stdout.trim().split('\n').at(-1)!) as RunResult;
  const mbs = r.bytes / 1e6 / r.seconds;
  const cores = r.cpuSeconds / r.seconds;
  console.log(
    `${label.padEnd(28)} ${r.seconds.toFixed(1).padStart(7)} s  ${mbs.toFixed(3)} MB/s  ${(r.documents / r.seconds).toFixed(1)} docs/s  ` +
      `${r.processed} extracted, ${r.cached} cached, ${r.failed} failed  peak RSS ${r.maxRssMb} MB  ` +
      `cores used ${cores.toFixed(2)}${r.workerBusy === null ? '' : `, workers busy ${Math.round(r.workerBusy * 100)}%, start-up ${((r.workerStartupMs ?? 0) / 1000).toFixed(1)} s`}  (load ${loadavg()[0].toFixed(1)})`,
  );
  console.log(`${''.padEnd(28)} ${r.patched ? 'patched' : 'merged'}; ms: ${JSON.stringify(r.phasesMs)}`);
  return r;
}

const graphText = (out: string) => readFileSync(join(out, 'graph.json'), 'utf8');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { limit: { type: 'string' }, corpus: { type: 'string' }, 'skip-thread1': { type: 'boolean' }, child: { type: 'string' } },
  });
  if (values.child) return child(JSON.parse(values.child) as RunOptions);

  const corpus = values.corpus ?? '/work/shared/corpus/xinwenlianbo';
  let files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
  if (!files.length) throw new Error(`${corpus}: no .md files; pass --corpus DIR`);
  if (values.limit) files = files.slice(0, Number(values.limit));
  // A private copy: the re-run changes one of its files.
  const dir = mkdtempSync(join(tmpdir(), 'zhengtu-bench-scale-'));
  const copy = join(dir, 'corpus');
  mkdirSync(copy);
  for (const f of files) copyFileSync(join(corpus, f), join(copy, f));
  const mb = files.reduce((n, f) => n + statSync(join(copy, f)).size, 0) / 1e6;
  console.log(`bench:scale — ${files.length} files, ${mb.toFixed(1)} MB from ${corpus}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on 2 cores`);

  try {
    const inputs = [copy];
    // One fingerprint for every run: colleagues editing the sources must not empty the cache mid-bench.
    const print = fingerprint();
    const one = run('1 worker (main thread)', { inputs, out: join(dir, 'w1'), workers: 1, mainThread: true, fingerprint: print });
    const thread = values['skip-thread1'] ? undefined : run('1 worker thread', { inputs, out: join(dir, 't1'), workers: 1, mainThread: false, fingerprint: print });
    const two = run('2 workers', { inputs, out: join(dir, 'w2'), workers: 2, mainThread: true, fingerprint: print });
    const identical = graphText(join(dir, 'w1')) === graphText(join(dir, 'w2'));

    const changed = join(copy, files[Math.floor(files.length / 2)]);
    appendFileSync(changed, '\n\n国务院常务会议研究部署推动人工智能产业发展。\n');
    const rerun = run('re-run, 1 file changed', { inputs, out: join(dir, 'w2'), workers: 2, mainThread: true, fingerprint: print });
    if (rerun.processed !== 1) throw new Error(`re-run extracted ${rerun.processed} documents, expected 1`);
    // The patched graph must be the graph a fresh merge gives: the same cache, another --out.
    const remerged = run('merge anew from the cache', { inputs, out: join(dir, 'w2-fresh'), cache: join(dir, 'w2', '.cache'), workers: 2, mainThread: true, fingerprint: print });
    const rerunIdentical = graphText(join(dir, 'w2')) === graphText(join(dir, 'w2-fresh')) &&
      readFileSync(join(dir, 'w2', 'documents.json'), 'utf8') === readFileSync(join(dir, 'w2-fresh', 'documents.json'), 'utf8');
    if (remerged.processed !== 0) throw new Error(`merge from the cache extracted ${remerged.processed} documents`);
    const unchanged = run('re-run, nothing changed', { inputs, out: join(dir, 'w2'), workers: 2, mainThread: true, fingerprint: print });
    const rehashed = run('re-run, nothing changed, --rehash', { inputs, out: join(dir, 'w2'), workers: 2, mainThread: true, fingerprint: print, rehash: true });

    const mbs1 = one.bytes / 1e6 / one.seconds;
    const mbs2 = two.bytes / 1e6 / two.seconds;
    console.log(`graph: ${two.nodes} nodes ${JSON.stringify(two.nodesByType)}`);
    console.log(`       ${two.edges} edges ${JSON.stringify(two.edgesByType)}`);
    console.log(`same graph.json with 1 and 2 workers: ${identical}; re-run (patched) = fresh merge: ${rerunIdentical}`);
    const figures = {
      bench: 'scale',
      files: files.length,
      mb: Number(mb.toFixed(1)),
      mb_s_1: Number(mbs1.toFixed(3)),
      mb_s_1_thread: thread ? Number((thread.bytes / 1e6 / thread.seconds).toFixed(3)) : null,
      mb_s_2: Number(mbs2.toFixed(3)),
      speedup: Number((mbs2 / mbs1).toFixed(2)),
      peak_rss_mb: Math.max(one.maxRssMb, two.maxRssMb, thread?.maxRssMb ?? 0, rerun.maxRssMb),
      full_s: Number(two.seconds.toFixed(1)),
      rerun_s: Number(rerun.seconds.toFixed(2)),
      rerun_fraction: Number((rerun.seconds / two.seconds).toFixed(3)),
      rerun_patched: rerun.patched,
      rerun_ms: rerun.phasesMs,
      rerun_identical: rerunIdentical,
      rerun_unchanged_s: Number(unchanged.seconds.toFixed(2)),
      rerun_rehash_s: Number(rehashed.seconds.toFixed(2)),
      remerge_s: Number(remerged.seconds.toFixed(2)),
      full_ms: two.phasesMs,
      nodes: two.nodes,
      edges: two.edges,
      identical,
      // Throughput per CPU-second: what the code costs, whatever the colleagues' load left us.
      mb_per_cpu_s_1: Number((one.bytes / 1e6 / one.cpuSeconds).toFixed(3)),
      mb_per_cpu_s_2: Number((two.bytes / 1e6 / two.cpuSeconds).toFixed(3)),
      cores_used_1: Number((one.cpuSeconds / one.seconds).toFixed(2)),
      cores_used_2: Number((two.cpuSeconds / two.seconds).toFixed(2)),
      workers_busy_2: two.workerBusy,
      worker_startup_s_2: two.workerStartupMs === null ? null : Number((two.workerStartupMs / 1000).toFixed(2)),
      load: Number(loadavg()[0].toFixed(1)),
    };
    console.log(JSON.stringify(figures));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

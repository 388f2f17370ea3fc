// npm run bench:load — the batched loader beside a naive one-MERGE-per-row loader, in one run, on a
// synthetic graph (default 200k nodes, 1M relationships with evidence). Last line: one JSON line.
// Uses the Neo4j at NEO4J_URI (default the bundled one) and clears zhengtu's nodes there before and after.
import { availableParallelism, loadavg } from 'node:os';
import { connect, type Connection } from '../src/neo4j/connection.ts';
import { syntheticGraph } from '../src/graph/synthetic.ts';
import { loadRows, type LoadProgress } from '../src/neo4j/loader.ts';
import { graphRows, LOADED_RELATION_TYPES, type GraphRows, type LoadedRelationType, type RelationshipRow } from '../src/neo4j/rows.ts';
import { applySchema } from '../src/neo4j/schema.ts';

const NODES = Number(process.env.BENCH_NODES ?? 200_000);
const EDGES = Number(process.env.BENCH_EDGES ?? 1_000_000);
const SAMPLE = Number(process.env.BENCH_NAIVE_ROWS ?? 5_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);

const log = (line: string) => process.stderr.write(`bench:load: ${line}\n`);
const seconds = (since: number) => (performance.now() - since) / 1000;

async function clear({ driver, database }: Connection): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) WHERE n:Entity OR n:Document OR n:Load CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS');
  } finally {
    await session.close();
  }
}

/** The baseline: each relationship on its own, in its own transaction, merging its endpoints by key. */
async function naiveLoad({ driver, database }: Connection, rows: GraphRows, sample: { type: LoadedRelationType; row: RelationshipRow }[]): Promise<number> {
  const keys = new Map(rows.entities.map((e) => [e.key, e]));
  const session = driver.session({ database });
  const started = performance.now();
  try {
    for (const { type, row } of sample) {
      const a = keys.get(row.source)!;
      const b = keys.get(row.target)!;
      await session.run(
        `MERGE (a:Entity {key: $a.key}) SET a:${a.type}, a.name = $a.name, a.type = $a.type, a.aliases = $a.aliases, a.confidence = $a.confidence
         MERGE (b:Entity {key: $b.key}) SET b:${b.type}, b.name = $b.name, b.type = $b.type, b.aliases = $b.aliases, b.confidence = $b.confidence
         MERGE (a)-[r:${type} {doc: $r.doc}]->(b)
         SET r.sentences = $r.sentences, r.starts = $r.starts, r.ends = $r.ends, r.confidence = $r.confidence, r.weight = $r.weight, r.planned = $r.planned`,
        { a, b, r: row },
      );
    }
  } finally {
    await session.close();
  }
  return sample.length / seconds(started);
}

function sampleRows(rows: GraphRows, n: number): { type: LoadedRelationType; row: RelationshipRow }[] {
  const docs = new Set(rows.documents.map((d) => d.id));
  const step = Math.max(1, Math.floor(rows.sizes.relationships / n));
  const sample: { type: LoadedRelationType; row: RelationshipRow }[] = [];
  let i = 0;
  for (const type of LOADED_RELATION_TYPES) {
    for (const row of rows.relationships(docs, type)) if (i++ % step === 0 && sample.length < n) sample.push({ type, row });
  }
  return sample;
}

const conn = await connect();
try {
  let t = performance.now();
  const rows = graphRows(syntheticGraph({ nodes: NODES, edges: EDGES, evidence: 1, seed: 42 }), 'synthetic');
  const { sizes } = rows;
  log(`synthetic graph: ${rows.entities.length} nodes, ${sizes.relationships} relationships with ${sizes.evidence} evidence sentences (${seconds(t).toFixed(1)}s)`);

  await clear(conn);
  await applySchema(conn);

  const sample = sampleRows(rows, SAMPLE);
  const naiveRate = await naiveLoad(conn, rows, sample);
  log(`naive: ${sample.length} relationships, one MERGE transaction each: ${naiveRate.toFixed(0)} rels/s`);
  await clear(conn);

  const phaseStart = new Map<string, number>();
  const phaseEnd = new Map<string, number>();
  let last = '';
  let lastLogged = 0;
  // The machine is shared: the load average and the loader's own CPU over the relationship phase say
  // how much of a low figure is other processes' doing.
  let relCpu = 0;
  let relLoad = 0;
  const cpuSeconds = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const onProgress = (p: LoadProgress) => {
    const now = performance.now();
    if (p.phase !== last) {
      if (p.phase === 'relationships') relCpu = cpuSeconds();
      if (last === 'relationships') {
        relCpu = cpuSeconds() - relCpu;
        relLoad = loadavg()[0]!;
      }
      if (last) phaseEnd.set(last, now);
      phaseStart.set(p.phase, now);
      last = p.phase;
    }
    if (now - lastLogged > 10_000) {
      lastLogged = now;
      log(`  ${p.phase} ${p.done}/${p.total}`);
    }
  };
  t = performance.now();
  const summary = await loadRows(conn, rows, { batchSize: BATCH, concurrency: CONCURRENCY, onProgress, source: 'bench' });
  const total = seconds(t);
  const span = (phase: string) => ((phaseEnd.get(phase) ?? performance.now()) - phaseStart.get(phase)!) / 1000;
  const nodesPerS = summary.entities.created / span('entities');
  const relsPerS = summary.relationships.created / span('relationships');
  log(`batched (${BATCH} rows a transaction, ${CONCURRENCY} at a time): ${summary.entities.created} nodes in ${span('entities').toFixed(1)}s, ${summary.mentions.created} mentions in ${span('mentions').toFixed(1)}s, ${summary.relationships.created} relationships in ${span('relationships').toFixed(1)}s; whole load ${total.toFixed(1)}s`);

  await clear(conn);
  const peakRss = process.resourceUsage().maxRSS / 1024;
  const ratio = relsPerS / naiveRate;
  log(`relationship phase: loader CPU ${relCpu.toFixed(1)}s, machine load average (1 min) ${relLoad.toFixed(2)} on ${availableParallelism()} cores`);
  log(`target: ≥ 30000 rels/s batched (${relsPerS >= 30_000 ? 'met' : 'missed'}), ≥ 50× naive (${ratio >= 50 ? 'met' : 'missed'})`);
  process.stdout.write(
    `${JSON.stringify({ bench: 'load', nodes: rows.entities.length, rels: summary.relationships.created, nodes_per_s: Math.round(nodesPerS), rels_per_s: Math.round(relsPerS), naive_rels_per_s: Math.round(naiveRate), ratio: Number(ratio.toFixed(1)), total_s: Number(total.toFixed(1)), load_avg: Number(relLoad.toFixed(2)), peak_rss_mb: Math.round(peakRss) })}\n`,
  );
} finally {
  await conn.driver.close();
}

import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { readGraph, type KnowledgeGraph } from '../graph/io.ts';
import { build } from '../pipeline/build.ts';
import { listFailures, progressBar } from '../pipeline/progress.ts';
import { connect, connectionError, isConnectionLost, lostDuringLoad } from '../neo4j/connection.ts';
import { loadRows, type LoadSummary } from '../neo4j/loader.ts';
import { graphRows } from '../neo4j/rows.ts';
import { UserError } from '../util/errors.ts';

interface LoadFlags {
  uri?: string;
  batchSize: string;
  concurrency: string;
  keepMissing?: boolean;
  json?: boolean;
  out?: string;
  quiet?: boolean;
  yes?: boolean;
}

/**
 * Before a load removes more than half of the database's documents: --yes goes on; a terminal is asked;
 * anything else (a script, CI) stops, since nobody is there to answer.
 */
function confirmRemoval(flags: LoadFlags, uri: string) {
  return async (removing: number, inDatabase: number): Promise<boolean> => {
    if (flags.yes) return true;
    if (!process.stdin.isTTY) return false;
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(`load would remove ${removing} of the ${inDatabase} documents in Neo4j at ${uri}. Remove them? [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  };
}

/** One existing .json file is a graph.json; anything else is documents to build first. */
function isGraphJson(inputs: string[]): boolean {
  return inputs.length === 1 && inputs[0]!.toLowerCase().endsWith('.json') && existsSync(inputs[0]!) && statSync(inputs[0]!).isFile();
}

/** Builds the inputs with the real pipeline into --out (or a temporary directory, removed afterwards). */
async function buildInputs(inputs: string[], flags: LoadFlags): Promise<{ graph: KnowledgeGraph; source: string; cleanup: () => void }> {
  const out = flags.out ?? mkdtempSync(join(tmpdir(), 'zhengtu-load-'));
  const cleanup = () => {
    if (!flags.out) rmSync(out, { recursive: true, force: true });
  };
  const bar = progressBar(process.stderr, !flags.quiet && !!process.stderr.isTTY);
  try {
    // A temporary --out has no later build to share a cache with.
    const result = await build(inputs, { out, cache: flags.out ? undefined : false, onProgress: (p) => bar.update(p) });
    bar.stop();
    const { failures } = result;
    if (!result.documents.length) {
      const why = failures[0] ? ` (${failures[0].path}: ${failures[0].message})` : '';
      throw new UserError(`load: ${inputs.join(' ')} gave no document to load${why}; give a graph.json, or files, directories or globs of documents`);
    }
    if (failures.length) {
      listFailures(process.stderr, `load: ${failures.length} input(s) failed and are not loaded${flags.out ? ` (all listed in ${join(out, 'failures.json')})` : ''}`, failures);
    }
    if (!flags.quiet) process.stderr.write(`built ${result.documents.length} document(s): ${result.graph.order} entities, ${result.graph.size} relations${flags.out ? ` → ${join(out, 'graph.json')}` : ''}\n`);
    return { graph: result.graph, source: inputs.join(' '), cleanup };
  } catch (err) {
    bar.stop();
    cleanup();
    throw err;
  }
}

export function register(program: Command): void {
  program
    .command('load')
    .description('load graph.json into Neo4j (NEO4J_URI, default bolt://127.0.0.1:7687): incremental per document, idempotent')
    .argument('<inputs...>', 'graph.json written by `zhengtu build`, or documents (files, directories, globs) to build first and load')
    .option('--uri <uri>', 'Neo4j URI (bolt://, neo4j://, neo4j+s:// …); default NEO4J_URI or bolt://127.0.0.1:7687')
    .option('--batch-size <n>', 'rows per transaction', '10000')
    .option('--concurrency <n>', 'transactions in flight at once (their batches never share a node)', '2')
    .option('--keep-missing', 'keep documents already in Neo4j that this graph does not contain')
    .option('-o, --out <dir>', 'when building documents: write graph.json (and its cache) here instead of a temporary directory')
    .option('-q, --quiet', 'no progress bars')
    .option('--json', 'print the summary as JSON')
    .option('-y, --yes', 'remove documents missing from this graph without asking, even more than half of those in Neo4j')
    .action(async (inputs: string[], flags: LoadFlags) => {
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size ${flags.batchSize}: give a positive whole number`);
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new UserError(`--concurrency ${flags.concurrency}: give a positive whole number`);
      // Reach the server first: a build is wasted when there is nowhere to load it.
      const conn = await connect({ uri: flags.uri });
      let prepared: { graph: KnowledgeGraph; source: string; cleanup: () => void };
      try {
        prepared = isGraphJson(inputs) ? { graph: readGraph(inputs[0]!), source: inputs[0]!, cleanup: () => {} } : await buildInputs(inputs, flags);
      } catch (err) {
        await conn.driver.close();
        throw err;
      }
      const { graph, source, cleanup } = prepared;
      const bar = new SingleBar({ format: 'load [{bar}] {percentage}% | {value}/{total} rows | {phase}', stream: process.stderr }, Presets.shades_classic);
      let started = false;
      try {
        const rows = graphRows(graph, source);
        const summary = await loadRows(conn, rows, {
          batchSize,
          concurrency,
          keepMissing: flags.keepMissing,
          confirmRemoval: confirmRemoval(flags, conn.uri),
          source,
          onProgress: (p) => {
            if (flags.quiet) return;
            if (!started) bar.start(p.total, 0, { phase: p.phase });
            started = true;
            bar.setTotal(p.total);
            bar.update(p.done, { phase: p.phase });
          },
        });
        bar.stop();
        process.stdout.write(flags.json ? `${JSON.stringify(summary)}\n` : describe(summary, conn.uri));
      } catch (err) {
        bar.stop();
        if (isConnectionLost(err)) throw lostDuringLoad(conn.uri, err);
        if (err instanceof UserError) throw err;
        throw connectionError(conn.uri, err);
      } finally {
        cleanup();
        await conn.driver.close();
      }
    });
}

function describe(s: LoadSummary, uri: string): string {
  const d = s.documents;
  const lines = [
    `loaded into ${uri} in ${s.seconds.toFixed(1)}s`,
    `  documents:     ${d.added} added, ${d.changed} changed, ${d.unchanged} unchanged, ${d.removed} removed`,
    `  entities:      ${s.entities.created} created, ${s.entities.updated} updated, ${s.entities.deleted} deleted`,
    `  relationships: ${s.relationships.created} created, ${s.relationships.deleted} deleted (one per relation and document, with its evidence)`,
    `  mentions:      ${s.mentions.created} created, ${s.mentions.deleted} deleted`,
  ];
  if (s.schemaAdded) lines.push(`  schema:        ${s.schemaAdded} index(es)/constraint(s) added`);
  if (s.skippedEdges) lines.push(`  skipped:       ${s.skippedEdges} edge(s) without evidence (no document to attach them to)`);
  for (const p of s.changedPaths) lines.push(`  changed: ${p}`);
  for (const p of s.removedPaths) lines.push(`  removed: ${p}`);
  return `${lines.join('\n')}\n`;
}

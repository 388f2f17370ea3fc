import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { readGraph } from '../graph/io.ts';
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
}

export function register(program: Command): void {
  program
    .command('load')
    .description('load graph.json into Neo4j (NEO4J_URI, default bolt://127.0.0.1:7687): incremental per document, idempotent')
    .argument('<graph...>', 'graph.json written by `zhengtu build` (raw documents are not accepted yet: build them first)')
    .option('--uri <uri>', 'Neo4j URI (bolt://, neo4j://, neo4j+s:// …); default NEO4J_URI or bolt://127.0.0.1:7687')
    .option('--batch-size <n>', 'rows per transaction', '10000')
    .option('--concurrency <n>', 'transactions in flight at once (their batches never share a node)', '2')
    .option('--keep-missing', 'keep documents already in Neo4j that this graph does not contain')
    .option('--json', 'print the summary as JSON')
    .action(async (inputs: string[], flags: LoadFlags) => {
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size ${flags.batchSize}: give a positive whole number`);
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new UserError(`--concurrency ${flags.concurrency}: give a positive whole number`);
      if (inputs.length !== 1 || !inputs[0]!.endsWith('.json') || (existsSync(inputs[0]!) && statSync(inputs[0]!).isDirectory())) {
        throw new UserError(`load takes one graph.json (got ${inputs.join(' ')}); run \`zhengtu build <inputs> --out <dir>\` first, then \`zhengtu load <dir>/graph.json\``);
      }
      const path = inputs[0]!;
      const rows = graphRows(readGraph(path), path);
      const conn = await connect({ uri: flags.uri });
      const bar = new SingleBar({ format: 'load [{bar}] {percentage}% | {value}/{total} rows | {phase}', stream: process.stderr }, Presets.shades_classic);
      let started = false;
      try {
        const summary = await loadRows(conn, rows, {
          batchSize,
          concurrency,
          keepMissing: flags.keepMissing,
          source: path,
          onProgress: (p) => {
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

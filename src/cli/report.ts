import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readGraph, type KnowledgeGraph } from '../graph/io.ts';
import { connect } from '../neo4j/connection.ts';
import { readGraphFromNeo4j } from '../report/from-neo4j.ts';
import { REPORT_FORMATS, writeReport, type ReportFormat } from '../report/index.ts';
import { UserError } from '../util/errors.ts';

interface ReportFlags {
  graph?: string;
  neo4j?: string | boolean;
  entity?: string;
  out: string;
  format: string;
}

export function register(program: Command): void {
  program
    .command('report')
    .description('write the relationship report (report.html and report.md) from graph.json or from Neo4j')
    .option('-g, --graph <file>', 'graph.json written by `zhengtu build` (default out/graph.json)')
    .option('--neo4j [uri]', 'read the graph from Neo4j instead (default NEO4J_URI or bolt://127.0.0.1:7687)')
    .option('-e, --entity <name>', "report one entity (name or alias) and its 2-hop neighbourhood")
    .requiredOption('-o, --out <dir>', 'output directory')
    .option('-f, --format <format>', `${REPORT_FORMATS.join(' | ')}`, 'both')
    .action(async (flags: ReportFlags) => {
      if (!(REPORT_FORMATS as readonly string[]).includes(flags.format)) {
        throw new UserError(`--format ${flags.format}: use one of ${REPORT_FORMATS.join(', ')}`);
      }
      if (flags.graph && flags.neo4j) throw new UserError('give either --graph or --neo4j, not both');
      let graph: KnowledgeGraph;
      let source: string;
      if (flags.neo4j) {
        const conn = await connect({ uri: typeof flags.neo4j === 'string' ? flags.neo4j : undefined });
        try {
          graph = await readGraphFromNeo4j(conn, { entity: flags.entity });
        } finally {
          await conn.driver.close();
        }
        source = `Neo4j at ${conn.uri}`;
      } else {
        const path = flags.graph ?? 'out/graph.json';
        graph = readGraph(path);
        source = `graph.json at ${path}`;
      }
      const { model, files } = writeReport(graph, {
        outDir: flags.out, entity: flags.entity, format: flags.format as ReportFormat, source,
      });
      const relations = model.relations.reduce((n, g) => n + g.entries.length, 0);
      process.stdout.write(
        `report: ${relations} relation(s), ${model.cards.length} card(s), ${model.communities.length} community(ies) → ` +
          `${files.map((f) => resolve(f)).join(', ')}\n`,
      );
    });
}

import type { Command } from 'commander';
import { readGraph } from '../graph/io.ts';
import { explain, renderReport, type EntityRef } from '../explain/index.ts';
import { ENTITY_TYPES, type EntityType } from '../types.ts';
import { UserError } from '../util/errors.ts';

const list = (refs: EntityRef[]) => refs.map((r) => `${r.type} ${r.name}`).join('; ');

export function register(program: Command): void {
  program
    .command('explain')
    .description('show one entity: its type, names, documents and relations with their evidence sentences')
    .argument('<name>', 'the entity’s name or one of its aliases (《》“” and spaces are ignored), or its key Type:name')
    .option('--graph <graph.json>', 'the graph to read', 'out/graph.json')
    .option('--type <type>', `only entities of this type (${ENTITY_TYPES.join(', ')})`)
    .option('--max-evidence <n>', 'evidence sentences shown per relation', '3')
    .option('--json', 'print the report as JSON')
    .action((name: string, opts: { graph: string; type?: string; maxEvidence: string; json?: boolean }) => {
      const type = opts.type && ENTITY_TYPES.find((t) => t.toLowerCase() === opts.type!.toLowerCase());
      if (opts.type && !type) throw new UserError(`--type ${opts.type}: not an entity type; use one of ${ENTITY_TYPES.join(', ')}`);
      const maxEvidence = Number(opts.maxEvidence);
      if (!Number.isInteger(maxEvidence) || maxEvidence < 0) throw new UserError(`--max-evidence ${opts.maxEvidence}: give a whole number ≥ 0`);
      const graph = readGraph(opts.graph);
      const result = explain(graph, name, { type: type as EntityType | undefined, maxEvidence });
      if (result.kind === 'ambiguous') {
        throw new UserError(`"${name}" names ${result.candidates.length} entities in ${opts.graph}: ${list(result.candidates)}; add --type <type> or give the full name`);
      }
      if (result.kind === 'not-found') {
        const hint = result.suggestions.length ? `close names: ${list(result.suggestions)}` : 'try `zhengtu query` or a shorter part of the name';
        throw new UserError(`"${name}": no entity of that name or alias in ${opts.graph}${type ? ` of type ${type}` : ''}; ${hint}`);
      }
      if (opts.json) process.stdout.write(JSON.stringify(result.report, null, 2) + '\n');
      else process.stdout.write(renderReport(result.report, { highlight: process.stdout.isTTY ? 'ansi' : 'brackets' }) + '\n');
    });
}

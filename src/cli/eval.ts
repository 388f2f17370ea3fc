import type { Command } from 'commander';
import { readGraph } from '../graph/io.ts';
import { evaluate, formatEval, readGold } from '../eval/gold.ts';
import { UserError } from '../util/errors.ts';

export function register(program: Command): void {
  program
    .command('eval')
    .description('score a graph against gold files (P/R/F1 per type), or the Organization tagger on CLUENER dev')
    .option('--gold <files...>', 'gold files (JSON: entities, relations, ignore)')
    .option('--graph <graph.json>', 'the graph to score', 'out/graph.json')
    .option('--cluener <dev.json>', 'score the Organization tagger on a CLUENER2020 split')
    .option('--predictions <file>', 'with --cluener: also write the predicted spans in CLUENER JSONL')
    .option('--details', 'list missed and spurious entities and relations')
    .option('--json', 'print the scores as JSON')
    .action(async (opts: { gold?: string[]; graph: string; cluener?: string; predictions?: string; details?: boolean; json?: boolean }) => {
      if (!opts.gold && !opts.cluener) throw new UserError('eval needs --gold <files...> (with --graph) or --cluener <dev.json>');
      if (opts.gold) {
        const result = evaluate(readGraph(opts.graph), opts.gold.map(readGold));
        if (opts.json) process.stdout.write(JSON.stringify(opts.details ? result : { entities: result.entities, relations: result.relations }, null, 2) + '\n');
        else {
          process.stdout.write(formatEval(result) + '\n');
          if (opts.details) {
            for (const key of ['missedEntities', 'spuriousEntities', 'missedRelations', 'spuriousRelations'] as const) {
              process.stdout.write(`\n${key} (${result[key].length}):\n${result[key].map((x) => `  ${x}`).join('\n')}\n`);
            }
          }
        }
      }
      if (opts.cluener) {
        const { evaluateCluener, formatCluenerReport } = await import('../eval/cluener.ts');
        const result = await evaluateCluener(opts.cluener, opts.predictions);
        process.stdout.write((opts.json ? JSON.stringify(result) : formatCluenerReport(result)) + '\n');
      }
    });
}

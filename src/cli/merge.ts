import type { Command } from 'commander';
import { mergeGraphs } from '../pipeline/merge.ts';

export function register(program: Command): void {
  program
    .command('merge')
    .description('join the graph.json of several builds (e.g. `build --shard i/n` on n machines) into one; entities and relations merge as within one build')
    .argument('<parts...>', 'output directories of `zhengtu build` (or their graph.json files)')
    .requiredOption('-o, --out <dir>', 'output directory for the merged graph.json (and documents.json when every part has one)')
    .action(async (parts: string[], opts: { out: string }) => {
      const started = Date.now();
      const { graph, documents } = await mergeGraphs(parts, opts.out);
      const docs = graph.getAttribute('documents').length;
      process.stdout.write(
        `merged ${parts.length} part(s): ${docs} document(s), ${graph.order} entities, ${graph.size} relations in ${((Date.now() - started) / 1000).toFixed(1)} s → ${opts.out}/graph.json` +
          (documents === undefined ? ' (documents.json not merged: a part has none)\n' : `, documents.json\n`),
      );
    });
}

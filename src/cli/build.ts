import type { Command } from 'commander';
import { build } from '../pipeline/build.ts';

export function register(program: Command): void {
  program
    .command('build')
    .description('read documents (files, directories, globs) and write documents.json and graph.json to --out')
    .argument('<inputs...>', 'files, directories or globs')
    .requiredOption('-o, --out <dir>', 'output directory')
    .action(async (inputs: string[], opts: { out: string }) => {
      const result = await build(inputs, {
        out: opts.out,
        onError: (e) => process.stderr.write(`zhengtu: ${e.path}: ${e.message}\n`),
      });
      const sentences = result.documents.reduce((n, d) => n + d.sentences.length, 0);
      process.stdout.write(`built ${result.documents.length} document(s), ${sentences} sentence(s) → ${opts.out}\n`);
      if (result.failures.length) {
        process.stderr.write(`${result.failures.length} input(s) failed:\n`);
        for (const f of result.failures) process.stderr.write(`  ${f.path}: ${f.message}\n`);
        process.exitCode = 1;
      }
    });
}

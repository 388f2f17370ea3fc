import type { Command } from 'commander';
import { build } from '../pipeline/build.ts';
import { UserError } from '../util/errors.ts';

export function register(program: Command): void {
  program
    .command('build')
    .description('read documents (files, directories, globs, JSONL/CSV containers) and write documents.json and graph.json to --out')
    .argument('<inputs...>', 'files, directories or globs')
    .requiredOption('-o, --out <dir>', 'output directory')
    .option('--text-field <name>', 'JSONL/CSV: the field holding the document text (default: content, full_text or text)')
    .option('--title-field <name>', 'JSONL/CSV: the field holding the title')
    .option('--id-field <name>', 'JSONL/CSV: the field holding a record id')
    .option('--max-bytes <n>', 'refuse files larger than this many bytes', (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new UserError(`--max-bytes must be a positive number, not "${v}"`);
      return n;
    })
    .action(async (inputs: string[], opts: { out: string; textField?: string; titleField?: string; idField?: string; maxBytes?: number }) => {
      const started = Date.now();
      const result = await build(inputs, {
        out: opts.out,
        ingest: { textField: opts.textField, titleField: opts.titleField, idField: opts.idField, maxBytes: opts.maxBytes },
        onError: (e) => process.stderr.write(`zhengtu: ${e.path}: ${e.message}\n`),
      });
      const { graph } = result;
      process.stdout.write(
        `built ${result.documents.length} document(s): ${graph.order} entities, ${graph.size} relations in ${((Date.now() - started) / 1000).toFixed(1)} s → ${opts.out}/graph.json\n`,
      );
      if (result.failures.length) {
        process.stderr.write(`${result.failures.length} input(s) failed:\n`);
        for (const f of result.failures) process.stderr.write(`  ${f.path}: ${f.message}\n`);
        process.exitCode = 1;
      }
    });
}

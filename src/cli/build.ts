import type { Command } from 'commander';
import { build, type BuildResult } from '../pipeline/build.ts';
import { listFailures, progressBar } from '../pipeline/progress.ts';
import { parseShard } from '../pipeline/shard.ts';
import { UserError } from '../util/errors.ts';
import { writeViewer } from '../viewer/index.ts';
import { loadLexicon } from '../extract/lexicon.ts';
import { loadPatterns } from '../relate/patterns.ts';
import { writeReport } from '../report/index.ts';

interface BuildFlags {
  out: string;
  textField?: string;
  titleField?: string;
  idField?: string;
  maxBytes?: number;
  workers?: number;
  cache: string | boolean;
  shard?: string;
  quiet?: boolean;
  viewer: boolean;
  report: boolean;
  rehash?: boolean;
}

const positive = (flag: string, integer: boolean) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new UserError(`${flag} must be a positive ${integer ? 'whole ' : ''}number, not "${v}"`);
  return n;
};

export function register(program: Command): void {
  program
    .command('build')
    .description('read documents (files, directories, globs, JSONL/CSV containers) and write documents.json and graph.json to --out')
    .argument('<inputs...>', 'files, directories or globs')
    .requiredOption('-o, --out <dir>', 'output directory')
    .option('--text-field <name>', 'JSONL/CSV: the field holding the document text (default: content, full_text or text)')
    .option('--title-field <name>', 'JSONL/CSV: the field holding the title')
    .option('--id-field <name>', 'JSONL/CSV: the field holding a record id')
    .option('--max-bytes <n>', 'refuse files larger than this many bytes', positive('--max-bytes', false))
    .option('-w, --workers <n>', 'threads extracting documents, the main thread and N-1 worker threads (default: the number of cores; 1 = the main thread alone)', positive('--workers', true))
    .option('--cache <dir>', 'cache of per-document results, so unchanged documents are not extracted again (default: <out>/.cache)')
    .option('--no-cache', 'extract every document, and neither read nor write the cache')
    .option('--shard <i/n>', 'build only part i of n (documents split by a hash of their path); join the parts with `zhengtu merge`')
    .option('--rehash', 'hash every input, even one whose size and modification time match the previous build')
    .option('--no-viewer', 'do not write the viewer (index.html, assets/) next to graph.json')
    .option('--report', 'also write the relationship report (report.html, report.md) to --out')
    .option('-q, --quiet', 'no progress bar')
    .action(async (inputs: string[], opts: BuildFlags) => {
      // Malformed lexicons or patterns fail here, in one line, before anything in --out is touched.
      loadLexicon();
      loadPatterns();
      const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
      const bar = progressBar(process.stderr, !opts.quiet && !!process.stderr.isTTY);
      let result: BuildResult;
      try {
        result = await build(inputs, {
          out: opts.out,
          ingest: { textField: opts.textField, titleField: opts.titleField, idField: opts.idField, maxBytes: opts.maxBytes },
          workers: opts.workers,
          cache: opts.cache === false ? false : opts.cache === true ? undefined : opts.cache,
          shard,
          rehash: opts.rehash,
          onProgress: (p) => bar.update(p),
        });
      } finally {
        bar.stop();
      }
      const { stats, failures } = result;
      const seconds = stats.elapsedMs / 1000;
      const part = shard ? ` (part ${shard.index}/${shard.count})` : '';
      process.stdout.write(
        `built ${stats.documents} document(s)${part}: ${stats.processed} extracted, ${stats.cached} from the cache; ` +
          `${stats.nodes} entities, ${stats.edges} relations in ${seconds.toFixed(1)} s ` +
          `(${(stats.bytes / 1024 / 1024 / Math.max(seconds, 0.001)).toFixed(2)} MB/s) → ${opts.out}/graph.json\n`,
      );
      if (opts.viewer) {
        writeViewer(opts.out);
        process.stdout.write(`viewer → ${opts.out}/index.html; open it with: zhengtu serve ${opts.out}\n`);
      }
      if (opts.report) {
        const written = writeReport(result.graph, { outDir: opts.out, format: 'both', source: `${opts.out}/graph.json` });
        process.stdout.write(`report → ${written.files.join(', ')}\n`);
      }
      if (failures.length) {
        listFailures(process.stderr, `${failures.length} input(s) failed (all listed in ${opts.out}/failures.json)`, failures);
        process.exitCode = 1;
      }
    });
}

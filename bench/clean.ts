// bench:clean — cleaning throughput beside nodejieba tag() (the next stage's baseline) on the
// 新闻联播 transcripts. Cleaning must never be the bottleneck: target clean/tag ratio ≥ 5.
// Both are timed over the same sample in the same run (tag() over the whole corpus would take
// minutes); cleaning is also timed over the whole corpus. Ends with one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { cleanDocument } from '../src/clean/index.ts';
import type { RawDocument } from '../src/types.ts';
import { cleanRatio, MAX_LARGE_RATIO, pipelineRatio } from './large-document.ts';

const DIR = process.env.ZT_BENCH_DIR ?? '/work/shared/corpus/xinwenlianbo';
/** Every SAMPLE_EVERY-th file goes into the sample timed against tag(). */
const SAMPLE_EVERY = Number(process.env.ZT_BENCH_SAMPLE_EVERY ?? 10);

/** Crude markdown/HTML reduction: block tags end lines, other tags and heading marks go. */
function reduce(md: string): string {
  return md
    .replace(/<\/(p|div|h\d|li|tr)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/^#+\s*/gm, '');
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();
if (!files.length) throw new Error(`${DIR}: no .md files; set ZT_BENCH_DIR to the 新闻联播 corpus`);
const docs: RawDocument[] = files.map((f) => {
  const text = reduce(readFileSync(join(DIR, f), 'utf8'));
  return { id: f, path: join(DIR, f), format: 'md', text, meta: {} };
});
const sample = docs.filter((_, i) => i % SAMPLE_EVERY === 0);
const mb = (ds: RawDocument[]): number => ds.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0) / 1e6;

function time(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

// Warm up both (JIT, jieba dictionaries).
for (const d of docs.slice(0, 20)) cleanDocument(d);
nodejieba.tag(docs[0]!.text);

let sentences = 0;
const corpusSeconds = time(() => {
  for (const d of docs) sentences += cleanDocument(d).sentences.length;
});
const sampleMB = mb(sample);
const cleanSeconds = time(() => {
  for (const d of sample) cleanDocument(d);
});
const tagSeconds = time(() => {
  for (const d of sample) nodejieba.tag(d.text);
});

const corpusMB = mb(docs);
const cleanMBs = sampleMB / cleanSeconds;
const tagMBs = sampleMB / tagSeconds;
const round = (x: number): number => Math.round(x * 100) / 100;
console.log(`corpus: ${docs.length} files, ${corpusMB.toFixed(1)} MB text (UTF-8), ${sentences} sentences`);
console.log(`clean, whole corpus: ${corpusSeconds.toFixed(2)} s, ${(corpusMB / corpusSeconds).toFixed(2)} MB/s`);
console.log(`sample (every ${SAMPLE_EVERY}th file): ${sample.length} files, ${sampleMB.toFixed(2)} MB`);
console.log(`clean on sample:         ${cleanSeconds.toFixed(2)} s, ${cleanMBs.toFixed(2)} MB/s`);
console.log(`nodejieba tag on sample: ${tagSeconds.toFixed(2)} s, ${tagMBs.toFixed(2)} MB/s`);
console.log(`ratio clean/tag: ${(cleanMBs / tagMBs).toFixed(1)} (target ≥ 5)`);
// One very large document: cost per MB must not grow with its size (see large-document.ts).
const large = { clean: cleanRatio(), pipeline: pipelineRatio() };
for (const [what, r] of Object.entries(large)) {
  console.log(`one large document, ${what}: ${r.perMB1.toFixed(2)} s/MB at 1 MB, ${r.perMB8.toFixed(2)} s/MB at 8 MB, ratio ${r.ratio.toFixed(2)} (target ≤ ${MAX_LARGE_RATIO})`);
}
if (Object.values(large).some((r) => r.ratio > MAX_LARGE_RATIO)) process.exitCode = 1;
console.log(
  JSON.stringify({
    bench: 'clean',
    large_clean_ratio: round(large.clean.ratio),
    large_pipeline_ratio: round(large.pipeline.ratio),
    clean_mb_s: round(cleanMBs),
    tag_mb_s: round(tagMBs),
    ratio: round(cleanMBs / tagMBs),
    sample_mb: round(sampleMB),
    corpus_mb: round(corpusMB),
    corpus_clean_mb_s: round(corpusMB / corpusSeconds),
  }),
);

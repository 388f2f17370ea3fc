// bench:extract — entity extraction throughput beside nodejieba tag() (its baseline: every sentence
// is tagged by jieba inside extraction), and the cost of relations on top, on the 新闻联播 transcripts.
//
// Per document, in one run and interleaved so that both see the same machine load:
//   entities  = clean + extractMentions + resolveDocument      (timed per document)
//   tag       = nodejieba.tag() over the same cleaned sentences (the same dictionary loaded)
//   relations = relate() alone
// Throughput is MB of UTF-8 sentence text per second for both extraction and tag(), so the ratio
// compares like with like. Time is this process's CPU time (user + system, GC threads included), so
// other work on a shared machine does not tilt the ratio; wall-clock figures are printed beside it. Targets: extract/tag ratio ≥ 0.5, relations_overhead ≤ 0.3.
// V8 runs with 64 MB semi-spaces (npm script flag), as the build's worker threads do (src/pipeline/pool.ts).
// A deterministic subset keeps the run short on a shared machine: every ZT_BENCH_EVERY-th file
// (default 4) of the sorted file list. Ends with one JSON line.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { ingest, isIngestError } from '../src/ingest/index.ts';
import { cleanDocument } from '../src/clean/index.ts';
import { extractMentions, prepareExtractor } from '../src/extract/index.ts';
import { resolveDocument } from '../src/resolve/entities.ts';
import { relate } from '../src/relate/index.ts';
import type { RawDocument } from '../src/types.ts';

const DIR = process.env.ZT_BENCH_DIR ?? '/work/shared/corpus/xinwenlianbo';
const EVERY = Math.max(1, Number(process.env.ZT_BENCH_EVERY ?? 4));

const files = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();
if (!files.length) throw new Error(`${DIR}: no .md files; set ZT_BENCH_DIR to the 新闻联播 corpus`);
const subset = files.filter((_, i) => i % EVERY === 0).map((f) => join(DIR, f));

const raws: RawDocument[] = [];
for await (const item of ingest(subset)) {
  if (isIngestError(item)) console.error(`skipped ${item.path}: ${item.message}`);
  else raws.push(item);
}

const now = () => process.hrtime.bigint();
const seconds = (from: bigint) => Number(now() - from) / 1e9;
const cpuNow = () => process.cpuUsage();
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};

// Warm up: dictionaries, lexicons, JIT.
// Loading lexicons, jieba's dictionaries and the tagger is a one-time start-up cost, outside the timings.
const lexicon = prepareExtractor();
for (const raw of raws.slice(0, 5)) {
  const doc = cleanDocument(raw);
  const { mentions, tokens } = extractMentions(doc, lexicon);
  relate({ doc, entities: resolveDocument(doc, mentions, lexicon), mentions, tokens });
}

let entitySeconds = 0;
let tagSeconds = 0;
let relateSeconds = 0;
let entityWall = 0;
let tagWall = 0;
let bytes = 0;
let sentences = 0;
let entities = 0;
let relations = 0;
const perDoc: { path: string; mb: number; entitySeconds: number; relateSeconds: number }[] = [];
const started = now();
const tagSentences = (texts: string[]) => {
  const c1 = cpuNow();
  const t1 = now();
  for (const s of texts) nodejieba.tag(s);
  tagWall += seconds(t1);
  tagSeconds += cpuSeconds(c1);
};
for (const [i, raw] of raws.entries()) {
  // Whichever of tag() and extraction runs first on a document pays for cold caches (jieba's
  // dictionary, the document's text): alternate the order so that neither is favoured.
  const tagFirst = i % 2 === 0;
  if (tagFirst) {
    const cleaned = cleanDocument(raw);
    tagSentences(cleaned.sentences.map((s) => cleaned.text.slice(s.start, s.end)));
  }
  const c0 = cpuNow();
  const t0 = now();
  const doc = cleanDocument(raw);
  const { mentions, tokens } = extractMentions(doc, lexicon);
  const found = resolveDocument(doc, mentions, lexicon);
  entityWall += seconds(t0);
  const te = cpuSeconds(c0);

  const texts = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
  if (!tagFirst) tagSentences(texts);

  const c2 = cpuNow();
  const rels = relate({ doc, entities: found, mentions, tokens });
  const tr = cpuSeconds(c2);

  const docBytes = texts.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
  entitySeconds += te;
  relateSeconds += tr;
  bytes += docBytes;
  sentences += texts.length;
  entities += found.length;
  relations += rels.length;
  perDoc.push({ path: raw.path, mb: docBytes / 1e6, entitySeconds: te, relateSeconds: tr });
}
const wall = seconds(started);

const mb = bytes / 1e6;
const extractMBs = mb / entitySeconds;
const tagMBs = mb / tagSeconds;
const ratio = extractMBs / tagMBs;
const ratioWall = tagWall / entityWall;
const overhead = relateSeconds / entitySeconds;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

console.log(`corpus: ${DIR}`);
console.log(`subset: every ${EVERY}th of ${files.length} files (sorted by name) → ${raws.length} documents, ${sentences} sentences, ${mb.toFixed(2)} MB of sentence text (UTF-8)`);
console.log(`found: ${entities} entities, ${relations} relations (per document, before merging)`);
console.log(`nodejieba tag():                        ${tagSeconds.toFixed(2)} s CPU   ${tagMBs.toFixed(3)} MB/s   (wall ${tagWall.toFixed(2)} s)`);
console.log(`entities (clean+extract+resolve):      ${entitySeconds.toFixed(2)} s CPU   ${extractMBs.toFixed(3)} MB/s   (wall ${entityWall.toFixed(2)} s)`);
console.log(`relations (relate alone):              ${relateSeconds.toFixed(2)} s CPU`);
console.log(`ratio extract/tag: ${ratio.toFixed(3)} (target ≥ 0.5) ${ratio >= 0.5 ? 'met' : 'MISSED'}; by wall clock ${ratioWall.toFixed(3)}`);
console.log(`relations overhead: ${overhead.toFixed(3)} of entity time (target ≤ 0.3) ${overhead <= 0.3 ? 'met' : 'MISSED'}`);
const perMb = perDoc.map((d) => d.entitySeconds / d.mb).sort((a, b) => a - b);
console.log(`entity time per document: median ${perMb[perMb.length >> 1]!.toFixed(1)} s/MB, p90 ${perMb[Math.floor(perMb.length * 0.9)]!.toFixed(1)} s/MB`);
console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB; wall ${wall.toFixed(1)} s`);
console.log(
  JSON.stringify({
    bench: 'extract',
    extract_mb_s: round(extractMBs),
    tag_mb_s: round(tagMBs),
    ratio: round(ratio),
    ratio_wall: round(ratioWall),
    relations_overhead: round(overhead),
    peak_rss_mb: Math.round(peakRssMb),
    subset_every: EVERY,
    documents: raws.length,
    mb: round(mb, 2),
  }),
);

// Draws the annotated corpus at random, with a recorded seed: excerpts of about 2,000 characters from
// 新闻联播 days and government work reports (national and provincial), never from the documents kept
// apart to judge the product (listed below). Writes data/annotated/manifest.json and, for annotators,
// each excerpt's text under --work (outside the repository: the corpus is not copied into it).
//
//   node --import tsx scripts/annotate/sample.ts [--work /work/annot/text]
//   node --import tsx scripts/annotate/sample.ts --extend 2 [--work …]   (a second round: more train
//   excerpts, drawn with seed SEED + 2 from sources no earlier excerpt came from — news days, national
//   reports — and from the paragraphs no earlier excerpt covered in train-split provincial reports)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../../src/util/prng.ts';
import { SHARED_CORPUS, sha1, sourceParagraphs, type Excerpt, type SourceRef } from './sources.js';

export const SEED = 20261202;
const TARGET = 2000;
const MAX = 2800;

/**
 * Kept apart: the held-out test documents and the sources they were cut from, as digests of their
 * source keys (data/annotated/held-out.sha1), so that the repository never names them.
 */
const HELD_OUT = new Set(
  readFileSync(join(import.meta.dirname, '..', '..', 'data', 'annotated', 'held-out.sha1'), 'utf8')
    .split('\n')
    .filter((line) => /^[0-9a-f]{40}$/.test(line)),
);
const heldOut = (key: string) => HELD_OUT.has(sha1(key));

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A run of whole paragraphs of about TARGET characters starting at a random paragraph. */
function window(paras: string[], random: () => number): [number, number] | null {
  const lengths = paras.map((p) => p.length + 1);
  const starts = shuffle([...paras.keys()], random);
  for (const from of starts) {
    let size = 0;
    let to = from;
    while (to < paras.length && size < TARGET) size += lengths[to++];
    if (size >= TARGET * 0.8 && size <= MAX) return [from, to];
  }
  return null;
}

function draw(refs: SourceRef[], count: number, genre: string, random: () => number): (Excerpt & { genre: string })[] {
  const out: (Excerpt & { genre: string })[] = [];
  for (const ref of shuffle(refs, random)) {
    if (out.length === count) break;
    const paras = sourceParagraphs(ref);
    const range = window(paras, random);
    if (!range) continue;
    const text = paras.slice(range[0], range[1]).join('\n');
    out.push({ ...ref, paragraphs: range, sha1: sha1(text), genre });
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const work = args.includes('--work') ? args[args.indexOf('--work') + 1] : '/work/annot/text';
  if (args.includes('--extend')) return extend(Number(args[args.indexOf('--extend') + 1]), work);
  const random = prng(SEED);
  const { days, national, provincial } = sources();
  draws(random, days, national, provincial, work);
}

/** Every source a draw may take from, the held-out documents left out. */
function sources(): { days: SourceRef[]; national: SourceRef[]; provincial: SourceRef[] } {
  const days = readdirSync(join(SHARED_CORPUS, 'xinwenlianbo'))
    .filter((f) => /^\d{8}\.md$/.test(f) && !heldOut(`xinwenlianbo/${f}`))
    .sort()
    .map((f) => ({ file: `xinwenlianbo/${f}` }));
  const nationalLines = readFileSync(join(SHARED_CORPUS, 'reports/national/government_work_reports.jsonl'), 'utf8').split('\n');
  const national = nationalLines
    .map((line, record) => ({ line, record }))
    .filter(({ line }) => line.trim())
    .map(({ line, record }) => ({ doc: JSON.parse(line) as { year: number | null; content: string }, record }))
    .filter(({ doc }) => doc.year !== null && doc.content.length > 5000 && !heldOut(`reports/national/government_work_reports.jsonl#year=${doc.year}`))
    .map(({ record }) => ({ file: 'reports/national/government_work_reports.jsonl', record }));
  const provincial = readdirSync(join(SHARED_CORPUS, 'reports/provincial-2026'))
    .filter((f) => /^2026_.*\.csv$/.test(f) && !heldOut(`reports/provincial-2026/${f}`))
    .sort()
    .map((f) => ({ file: `reports/provincial-2026/${f}` }));
  return { days, national, provincial };
}

function draws(random: () => number, days: SourceRef[], national: SourceRef[], provincial: SourceRef[], work: string): void {
  const drawn = [
    ...draw(days, 100, 'news', random),
    ...draw(national, 36, 'report-national', random),
    ...draw(provincial, 24, 'report-provincial', random),
  ];
  const order = shuffle([...drawn.keys()], random);
  const documents = drawn.map((ex, i) => ({
    id: `a${String(i + 1).padStart(3, '0')}`,
    ...ex,
    split: order.indexOf(i) < Math.round(drawn.length * 0.2) ? 'dev' : 'train',
    double: order.indexOf(i) >= drawn.length - 16,
  }));
  mkdirSync(work, { recursive: true });
  let chars = 0;
  for (const doc of documents) {
    const text = sourceParagraphs(doc).slice(doc.paragraphs[0], doc.paragraphs[1]).join('\n');
    chars += text.length;
    writeFileSync(join(work, `${doc.id}.txt`), text);
  }
  const manifest = { seed: SEED, drawnBy: 'scripts/annotate/sample.ts', characters: chars, documents };
  writeFileSync(MANIFEST, JSON.stringify(manifest, null, 1) + '\n');
  console.log(`${documents.length} excerpts, ${chars} characters; texts in ${work}`);
}

const MANIFEST = join(import.meta.dirname, '..', '..', 'data', 'annotated', 'manifest.json');
const sourceKey = (r: SourceRef) => `${r.file}#${r.record ?? ''}`;

/** A later round: train excerpts that overlap no earlier excerpt and share no source with the dev split. */
function extend(round: number, work: string): void {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const earlier = manifest.documents as (Excerpt & { id: string; split: string })[];
  const used = new Set(earlier.map(sourceKey));
  const devSources = new Set(earlier.filter((d) => d.split === 'dev').map(sourceKey));
  const random = prng(SEED + round);
  const { days, national, provincial } = sources();
  const fresh = (refs: SourceRef[]) => refs.filter((r) => !used.has(sourceKey(r)));
  const drawn = [...draw(fresh(days), 100, 'news', random), ...draw(fresh(national), 20, 'report-national', random)];
  // Provincial reports are few: a second excerpt of a train-split report, from paragraphs no excerpt covered.
  for (const ref of shuffle(provincial.filter((r) => !devSources.has(sourceKey(r))), random)) {
    const taken = earlier.filter((d) => sourceKey(d) === sourceKey(ref)).map((d) => d.paragraphs);
    const paras = sourceParagraphs(ref);
    const free = paras.map((p, i) => (taken.some(([a, b]) => i >= a && i < b) ? '' : p));
    const range = window(free, random);
    if (!range || free.slice(range[0], range[1]).some((p) => !p)) continue;
    const text = paras.slice(range[0], range[1]).join('\n');
    drawn.push({ ...ref, paragraphs: range, sha1: sha1(text), genre: 'report-provincial' });
  }
  let next = earlier.filter((d) => /^a\d+$/.test(d.id)).length + 1;
  mkdirSync(work, { recursive: true });
  let chars = 0;
  for (const ex of drawn) {
    const doc = { id: `a${String(next++).padStart(3, '0')}`, ...ex, split: 'train', double: false, round };
    const text = sourceParagraphs(doc).slice(doc.paragraphs[0], doc.paragraphs[1]).join('\n');
    chars += text.length;
    writeFileSync(join(work, `${doc.id}.txt`), text);
    manifest.documents.push(doc);
  }
  manifest.characters += chars;
  writeFileSync(MANIFEST, JSON.stringify(manifest, null, 1) + '\n');
  console.log(`round ${round}: ${drawn.length} more train excerpts, ${chars} characters; texts in ${work}`);
}

main();

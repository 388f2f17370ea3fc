// Entity P/R/F1 of the whole pipeline (clean → extract → resolve) on the annotated corpus, scored as
// `zhengtu eval` scores gold files (a node is found when its type matches and its name or an alias
// equals the gold name or an alias), document by document, summed.
//   node --import tsx scripts/eval-annotated.ts [--split dev|train] [--details] [--by-genre]
import { parseArgs } from 'node:util';
import { processDocument } from '../src/pipeline/document.ts';
import { prepareExtractor } from '../src/extract/index.ts';
import { annotatedDocuments } from './annotate/corpus.ts';
import { normalizeName, type AnnotatedEntity } from './annotate/markup.ts';
import { spanScore, type SpanScore } from '../src/eval/spans.ts';

const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, details: { type: 'boolean', default: false }, 'by-genre': { type: 'boolean', default: false } } });

type Counts = Map<string, [number, number, number]>;
const bump = (c: Counts, type: string, i: 0 | 1 | 2) => {
  for (const key of [type, 'overall']) {
    const v = c.get(key) ?? [0, 0, 0];
    v[i]++;
    c.set(key, v);
  }
};

/** Counts of one document: predicted entities against gold entities, by type. */
export function scoreDocument(predicted: { type: string; name: string; aliases: string[] }[], gold: AnnotatedEntity[], counts: Counts, details: string[]): void {
  const formsOf = (e: { name: string; aliases?: string[] }) => new Set([e.name, ...(e.aliases ?? [])].map(normalizeName));
  const goldForms = gold.map(formsOf);
  const found = new Set<number>();
  for (const p of predicted) {
    const forms = formsOf(p);
    const hits = gold.flatMap((g, i) => (g.type === p.type && [...goldForms[i]].some((f) => forms.has(f)) ? [i] : []));
    if (!hits.length) {
      bump(counts, p.type, 1);
      details.push(`  + ${p.type} ${p.name}`);
    }
    hits.forEach((i) => found.add(i));
  }
  gold.forEach((g, i) => {
    if (found.has(i)) bump(counts, g.type, 0);
    else {
      bump(counts, g.type, 2);
      details.push(`  - ${g.type} ${g.name}`);
    }
  });
}

function format(counts: Counts): string {
  const rows: [string, SpanScore][] = [...counts].map(([t, c]) => [t, spanScore(...c)]);
  rows.sort(([a], [b]) => (a === 'overall' ? 1 : b === 'overall' ? -1 : a.localeCompare(b)));
  return rows.map(([t, s]) => `  ${t.padEnd(13)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn})`).join('\n');
}

function main(): void {
  const split = values.split === 'train' ? 'train' : 'dev';
  const documents = annotatedDocuments('docs', split);
  prepareExtractor({ bulk: false });
  const all: Counts = new Map();
  const byGenre = new Map<string, Counts>();
  for (const { doc, text, annotation } of documents) {
    const result = processDocument({ id: doc.id, path: `${doc.id}.txt`, format: 'txt', text, meta: {} });
    const predicted = result.entities.map((e) => ({ type: e.type, name: e.name, aliases: e.aliases }));
    const details: string[] = [];
    const genre = byGenre.get(doc.genre) ?? new Map();
    byGenre.set(doc.genre, genre);
    scoreDocument(predicted, annotation.entities, all, details);
    scoreDocument(predicted, annotation.entities, genre, []);
    if (values.details) console.log(`${doc.id} (${doc.genre})\n${details.join('\n')}`);
  }
  console.log(`${documents.length} ${split} documents`);
  if (values['by-genre']) for (const [g, c] of byGenre) console.log(`${g}\n${format(c)}`);
  console.log(`all\n${format(all)}`);
}

main();

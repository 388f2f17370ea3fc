// Entity P/R/F1 of the whole pipeline (clean → extract → resolve) on the annotated corpus, scored as
// `zhengtu eval` scores gold files (a node is found when its type matches and its name or an alias
// equals the gold name or an alias), document by document, summed.
//   node --import tsx scripts/eval-annotated.ts [--split dev|train] [--details] [--by-genre]
import { parseArgs } from 'node:util';
import { processDocument } from '../src/pipeline/document.ts';
import { prepareExtractor } from '../src/extract/index.ts';
import { annotatedDocuments } from './annotate/corpus.ts';
import { scoreEntities, type Counts } from './annotate/score.ts';
import { score, type Score } from '../src/eval/gold.ts';

const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, details: { type: 'boolean', default: false }, 'by-genre': { type: 'boolean', default: false } } });

function format(counts: Counts): string {
  const rows: [string, Score][] = [...counts].map(([t, c]) => [t, score(...c)]);
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
    scoreEntities(predicted, annotation.entities, all, details);
    scoreEntities(predicted, annotation.entities, genre, []);
    if (values.details) console.log(`${doc.id} (${doc.genre})\n${details.join('\n')}`);
  }
  console.log(`${documents.length} ${split} documents`);
  if (values['by-genre']) for (const [g, c] of byGenre) console.log(`${g}\n${format(c)}`);
  console.log(`all\n${format(all)}`);
}

main();

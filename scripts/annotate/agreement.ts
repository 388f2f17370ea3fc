// Inter-annotator agreement on the documents annotated twice (data/annotated/double beside docs):
// entity F1 as the guideline scores entities (type and any shared form), and exact mention-span F1,
// overall, by annotation round and by type.
//   node --import tsx scripts/annotate/agreement.ts
import { annotatedDocuments } from './corpus.ts';
import type { AnnotatedMention } from './markup.ts';
import { scoreEntities, type Counts } from './score.ts';
import { score } from '../../src/eval/gold.ts';

function mentionCounts(a: AnnotatedMention[], b: AnnotatedMention[]): [number, number, number] {
  const key = (m: AnnotatedMention) => `${m.start}:${m.end}:${m.type}`;
  const A = new Set(a.map(key));
  const B = new Set(b.map(key));
  const tp = [...A].filter((k) => B.has(k)).length;
  return [tp, B.size - tp, A.size - tp];
}

const f1 = (c: readonly number[] | undefined) => (c ? score(c[0], c[1], c[2]).f1.toFixed(3) : '—');
const first = new Map(annotatedDocuments('docs').map((d) => [d.doc.id, d]));
const entities: Counts = new Map();
const byRound = new Map<number, { entities: Counts; mentions: number[]; docs: number }>();
const mentions = [0, 0, 0];
for (const second of annotatedDocuments('double')) {
  const one = first.get(second.doc.id);
  if (!one) continue;
  const round = (second.doc as { round?: number }).round ?? 1;
  const r = byRound.get(round) ?? { entities: new Map(), mentions: [0, 0, 0], docs: 0 };
  byRound.set(round, r);
  r.docs++;
  const own: Counts = new Map();
  for (const counts of [entities, r.entities, own]) scoreEntities(second.annotation.entities, one.annotation.entities, counts);
  const m = mentionCounts(one.annotation.mentions, second.annotation.mentions);
  for (let i = 0; i < 3; i++) (mentions[i] += m[i]), (r.mentions[i] += m[i]);
  console.log(`${second.doc.id} (${one.annotation.annotator} / ${second.annotation.annotator}): entity F1 ${f1(own.get('overall'))}, mention F1 ${f1(m)}`);
}
for (const [round, r] of [...byRound].sort(([a], [b]) => a - b)) {
  console.log(`round ${round}, ${r.docs} documents: entity F1 ${f1(r.entities.get('overall'))}, mention F1 ${f1(r.mentions)}`);
}
const docs = [...byRound.values()].reduce((n, r) => n + r.docs, 0);
console.log(`${docs} documents annotated twice: entity F1 ${f1(entities.get('overall'))}, mention F1 ${f1(mentions)}`);
console.log([...entities].filter(([t]) => t !== 'overall').sort().map(([t, c]) => `${t} ${f1(c)}`).join(', '));

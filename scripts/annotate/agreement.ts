// Inter-annotator agreement on the documents annotated twice (data/annotated/double beside docs):
// entity F1 as the guideline scores entities (type and any shared form), and exact mention-span F1.
//   node --import tsx scripts/annotate/agreement.ts
import { annotatedDocuments } from './corpus.ts';
import { normalizeName, type AnnotatedEntity, type AnnotatedMention } from './markup.ts';
import { spanScore } from '../../src/eval/spans.ts';

function entityCounts(a: AnnotatedEntity[], b: AnnotatedEntity[]): [number, number, number] {
  const forms = (e: AnnotatedEntity) => new Set([e.name, ...(e.aliases ?? [])].map(normalizeName));
  const matches = (x: AnnotatedEntity, others: AnnotatedEntity[]) => others.some((o) => o.type === x.type && [...forms(o)].some((f) => forms(x).has(f)));
  const tp = a.filter((x) => matches(x, b)).length;
  return [tp, b.filter((x) => !matches(x, a)).length, a.length - tp];
}

function mentionCounts(a: AnnotatedMention[], b: AnnotatedMention[]): [number, number, number] {
  const key = (m: AnnotatedMention) => `${m.start}:${m.end}:${m.type}`;
  const A = new Set(a.map(key));
  const B = new Set(b.map(key));
  const tp = [...A].filter((k) => B.has(k)).length;
  return [tp, B.size - tp, A.size - tp];
}

const first = new Map(annotatedDocuments('docs').map((d) => [d.doc.id, d]));
const entity = [0, 0, 0];
const mention = [0, 0, 0];
const byType = new Map<string, number[]>();
let docs = 0;
for (const second of annotatedDocuments('double')) {
  const one = first.get(second.doc.id);
  if (!one) continue;
  docs++;
  const e = entityCounts(one.annotation.entities, second.annotation.entities);
  const m = mentionCounts(one.annotation.mentions, second.annotation.mentions);
  for (let i = 0; i < 3; i++) (entity[i] += e[i]), (mention[i] += m[i]);
  for (const type of new Set([...one.annotation.entities, ...second.annotation.entities].map((x) => x.type))) {
    const c = entityCounts(one.annotation.entities.filter((x) => x.type === type), second.annotation.entities.filter((x) => x.type === type));
    const t = byType.get(type) ?? [0, 0, 0];
    for (let i = 0; i < 3; i++) t[i] += c[i];
    byType.set(type, t);
  }
  console.log(`${second.doc.id} (${one.annotation.annotator} / ${second.annotation.annotator}): entity F1 ${spanScore(e[0], e[1], e[2]).f1.toFixed(3)}, mention F1 ${spanScore(m[0], m[1], m[2]).f1.toFixed(3)}`);
}
const f = (c: number[]) => spanScore(c[0], c[1], c[2]).f1.toFixed(3);
console.log(`${docs} documents annotated twice: entity F1 ${f(entity)}, mention F1 ${f(mention)}`);
console.log([...byType].sort().map(([t, c]) => `${t} ${f(c)}`).join(', '));

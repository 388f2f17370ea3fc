// Exact-span P/R/F1 of typed spans, per type and overall (a span counts when start, end and type match).
import type { EntitySpan, LabeledSentence } from '../extract/model/types.ts';
import { score, type Score } from './gold.ts';


/** Scores predictions against gold, sentence by sentence; types a sentence does not annotate are not scored. */
export function scoreTyped(gold: readonly LabeledSentence[], predicted: readonly (readonly Pick<EntitySpan, 'start' | 'end' | 'type'>[])[]): Record<string, Score> {
  const counts = new Map<string, [number, number, number]>();
  const bump = (type: string, i: 0 | 1 | 2) => {
    for (const key of [type, 'overall']) {
      const c = counts.get(key) ?? [0, 0, 0];
      c[i]++;
      counts.set(key, c);
    }
  };
  gold.forEach((sentence, s) => {
    const annotated = sentence.annotates ? new Set<string>(sentence.annotates) : null;
    const want = new Set(sentence.spans.map((x) => `${x.start}:${x.end}:${x.type}`));
    const got = new Set((predicted[s] ?? []).filter((x) => !annotated || annotated.has(x.type)).map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const key of got) bump(key.split(':')[2], want.has(key) ? 0 : 1);
    for (const key of want) if (!got.has(key)) bump(key.split(':')[2], 2);
  });
  const out: Record<string, Score> = {};
  for (const [type, c] of [...counts].sort(([a], [b]) => (a === 'overall' ? 1 : b === 'overall' ? -1 : a.localeCompare(b)))) out[type] = score(...c);
  return out;
}

export function formatScores(scores: Record<string, Score>): string {
  return Object.entries(scores)
    .map(([type, s]) => `${type} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (${s.tp}/${s.tp + s.fn})`)
    .join('; ');
}

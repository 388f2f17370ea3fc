// Entity lists scored against each other as the guideline scores graph.json: an entity is found when
// one of the other list has its type and shares a name or alias with it (normalized). Used to score the
// pipeline on the annotated corpus and two annotators against each other.
import { normalizeName, type AnnotatedEntity } from './markup.ts';

type Named = { type: string; name: string; aliases?: string[] };

/** Counts by type (and `overall`): [found, spurious, missed]. */
export type Counts = Map<string, [number, number, number]>;

export function bump(counts: Counts, type: string, i: 0 | 1 | 2): void {
  for (const key of [type, 'overall']) {
    const v = counts.get(key) ?? [0, 0, 0];
    v[i]++;
    counts.set(key, v);
  }
}

/** Adds one document's counts of `predicted` against `gold`; lists what was spurious (+) and missed (−). */
export function scoreEntities(predicted: readonly Named[], gold: readonly AnnotatedEntity[], counts: Counts, details: string[] = []): void {
  const formsOf = (e: Named) => new Set([e.name, ...(e.aliases ?? [])].map(normalizeName));
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
    bump(counts, g.type, found.has(i) ? 0 : 2);
    if (!found.has(i)) details.push(`  - ${g.type} ${g.name}`);
  });
}

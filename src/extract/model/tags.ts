// BIOES tagging of several entity types: tag 0 is O; type k has B, I, E, S at 1 + 4k … 4 + 4k.
// Legal transitions: after O, E-x or S-x comes O, B-y or S-y; after B-x or I-x comes I-x or E-x.

export const O = 0;
export const B = 1;
export const I = 2;
export const E = 3;
export const S = 4;

/** Number of tags for `types` entity types. */
export function tagCount(types: number): number {
  return 1 + 4 * types;
}

/** The tag of part `part` (B, I, E or S) of type k. */
export function tagOf(k: number, part: number): number {
  return 4 * k + part;
}

/** The part (B, I, E, S) of a tag, or O. */
export function partOf(tag: number): number {
  return tag === O ? O : ((tag - 1) % 4) + 1;
}

/** The type index of a tag (−1 for O). */
export function typeOf(tag: number): number {
  return tag === O ? -1 : (tag - 1) >> 2;
}

/** Tag names for a list of type names: O, B-Organization, I-Organization … */
export function tagNames(types: readonly string[]): string[] {
  return ['O', ...types.flatMap((t) => ['B', 'I', 'E', 'S'].map((p) => `${p}-${t}`))];
}

/** Whether tag `to` may follow tag `from` (from = −1 means sentence start). */
export function allowed(from: number, to: number): boolean {
  const fp = from < 0 ? O : partOf(from);
  const tp = partOf(to);
  if (fp === B || fp === I) return (tp === I || tp === E) && typeOf(to) === typeOf(from);
  return tp === O || tp === B || tp === S;
}

/** Whether a sentence may end after tag `last`. */
export function allowedEnd(last: number): boolean {
  const p = partOf(last);
  return p === O || p === E || p === S;
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
    if (end - start === 1) tags[start] = tagOf(type, S);
    else {
      tags[start] = tagOf(type, B);
      for (let i = start + 1; i < end - 1; i++) tags[i] = tagOf(type, I);
      tags[end - 1] = tagOf(type, E);
    }
    covered = end;
  }
  return tags;
}

/** Spans (end exclusive) of a legal BIOES sequence. */
export function tagsToSpans(tags: ArrayLike<number>, n = tags.length): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let open = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    const part = partOf(t);
    if (part === S) spans.push({ start: i, end: i + 1, type: typeOf(t) });
    else if (part === B) open = i;
    else if (part === E && open >= 0) {
      spans.push({ start: open, end: i + 1, type: typeOf(t) });
      open = -1;
    } else if (part === O) open = -1;
  }
  return spans;
}

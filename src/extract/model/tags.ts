// BIOES tagging of one label (Organization): tag ids, legal transitions, spans ⇄ tag sequences.

export const TAGS = ['O', 'B', 'I', 'E', 'S'] as const;
export const T = TAGS.length;
export const O = 0;
export const B = 1;
export const I = 2;
export const E = 3;
export const S = 4;

/** Whether tag `to` may follow tag `from` (from = T means sentence start). */
export function allowed(from: number, to: number): boolean {
  const inside = from === B || from === I;
  return inside ? to === I || to === E : to === O || to === B || to === S;
}

/** Whether a sentence may end after tag `last`. */
export function allowedEnd(last: number): boolean {
  return last === O || last === E || last === S;
}

/**
 * Tag sequence for spans over a text of length n. Overlapping spans keep the first longest one:
 * a flat tagger cannot represent nesting.
 */
export function spansToTags(n: number, spans: readonly { start: number; end: number }[]): Uint8Array {
  const tags = new Uint8Array(n);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let covered = 0;
  for (const { start, end } of sorted) {
    if (start < covered || end <= start || end > n) continue;
    if (end - start === 1) tags[start] = S;
    else {
      tags[start] = B;
      for (let i = start + 1; i < end - 1; i++) tags[i] = I;
      tags[end - 1] = E;
    }
    covered = end;
  }
  return tags;
}

/** Spans (end exclusive) of a legal BIOES sequence. */
export function tagsToSpans(tags: ArrayLike<number>, n = tags.length): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (t === S) spans.push({ start: i, end: i + 1 });
    else if (t === B) open = i;
    else if (t === E && open >= 0) {
      spans.push({ start: open, end: i + 1 });
      open = -1;
    } else if (t === O) open = -1;
  }
  return spans;
}

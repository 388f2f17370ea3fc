// A name as the guideline compares names: without 《》“”"" and white space. One definition for the
// scorer, the resolver and the relation rules.
export function normalize(name: string): string {
  return name.replace(/[《》“”"\s]/g, '');
}

/** A name without a trailing bracketed note: its version, draft status or years (（2021-2023年）, （讨论稿）). */
export function withoutTrailingNote(name: string): string {
  return name.replace(/[（(][^（）()]*[）)]$/, '');
}

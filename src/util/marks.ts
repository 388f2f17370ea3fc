// A name as the guideline compares names: without 《》“”"" and white space. One definition for the
// scorer, the resolver and the relation rules.
export function normalize(name: string): string {
  return name.replace(/[《》“”"\s]/g, '');
}

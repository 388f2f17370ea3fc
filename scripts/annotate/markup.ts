// The annotators' inline markup: the excerpt's text with each mention wrapped as [[TYPE:surface]] or,
// when the surface is a short form whose full name the document gives, [[TYPE:surface=full name]].
// Mentions may nest (a place written inside a name): [[ORG:[[LOC:潍坊市]]委党校]].
import type { EntityType } from '../../src/types.js';
import { normalize } from '../../src/util/marks.ts';

export const TYPE_CODES: Record<string, EntityType> = {
  ORG: 'Organization', PER: 'Person', LOC: 'Place', PRG: 'Program', IND: 'Industry', POL: 'Policy',
};

export interface AnnotatedMention {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  /** The full name the annotator gave for a short form (市委 → 潍坊市委). */
  canonical?: string;
  /** Inside another mention (a place within a name). */
  nested?: boolean;
}

interface Open { start: number; type: EntityType; markupAt: number; depth: number }

/** Parses markup into the plain text and its mentions (offsets into the plain text). */
export function parseMarkup(markup: string): { text: string; mentions: AnnotatedMention[] } {
  let text = '';
  const stack: Open[] = [];
  const mentions: AnnotatedMention[] = [];
  const canonicalStart: number[] = [];
  let i = 0;
  while (i < markup.length) {
    if (markup.startsWith('[[', i)) {
      const m = /^\[\[([A-Z]{3}):/.exec(markup.slice(i, i + 7));
      if (!m || !TYPE_CODES[m[1]]) throw new Error(`markup offset ${i}: "[[" must be followed by one of ${Object.keys(TYPE_CODES).join(', ')} and ":" (found "${markup.slice(i, i + 8)}")`);
      stack.push({ start: text.length, type: TYPE_CODES[m[1]], markupAt: i, depth: stack.length });
      canonicalStart.push(-1);
      i += m[0].length;
    } else if (markup.startsWith(']]', i) && stack.length) {
      const open = stack.pop()!;
      const eq = canonicalStart.pop()!;
      const end = eq >= 0 ? eq : text.length;
      const canonical = eq >= 0 ? text.slice(eq) : undefined;
      if (eq >= 0) text = text.slice(0, eq);
      const surface = text.slice(open.start, end);
      if (!surface.trim()) throw new Error(`markup offset ${open.markupAt}: empty mention`);
      mentions.push({ start: open.start, end, type: open.type, text: surface, ...(canonical ? { canonical: canonical.trim() } : {}), ...(open.depth > 0 ? { nested: true } : {}) });
      i += 2;
    } else if (markup[i] === '=' && stack.length && canonicalStart[canonicalStart.length - 1] < 0) {
      canonicalStart[canonicalStart.length - 1] = text.length;
      i++;
    } else {
      text += markup[i++];
    }
  }
  if (stack.length) throw new Error(`markup offset ${stack[stack.length - 1].markupAt}: "[[" never closed`);
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, mentions };
}

/** Where two texts first differ, with a little context, for an annotator to fix a copied excerpt. */
export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  let k = 0;
  while (k < expected.length && k < actual.length && expected[k] === actual[k]) k++;
  return `differs at character ${k}: excerpt has "${expected.slice(Math.max(0, k - 15), k + 15)}", markup gives "${actual.slice(Math.max(0, k - 15), k + 15)}"`;
}

/** Normalizes a name as the guideline's scoring does (no 《》“”"" and no white space), single quotes too. */
export function normalizeName(name: string): string {
  return normalize(name).replace(/[‘’]/g, '');
}

export interface AnnotatedEntity { type: EntityType; name: string; aliases?: string[] }

/** The gold-format entity list of a document: mentions grouped by type and full name. */
export function entitiesOf(mentions: AnnotatedMention[]): AnnotatedEntity[] {
  const groups = new Map<string, { type: EntityType; name: string; forms: Set<string> }>();
  for (const m of mentions) {
    const surface = normalizeName(m.text);
    const name = m.canonical ? normalizeName(m.canonical) : surface;
    const key = `${m.type}\u0000${name}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { type: m.type, name, forms: new Set() }));
    if (surface !== name) group.forms.add(surface);
    const quoted = /“([^”]+)”/.exec(m.text);
    if (quoted && quoted[1] !== name) group.forms.add(quoted[1]);
  }
  return [...groups.values()].map((g) => ({ type: g.type, name: g.name, ...(g.forms.size ? { aliases: [...g.forms].sort() } : {}) }));
}

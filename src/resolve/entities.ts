// Resolve: the mentions of one document → its entities, one node per real entity. Context fills in
// abbreviations (市委 → 潍坊市委, 全市 → 潍坊市); quoted and short forms become aliases.
import type { Document, Entity, EntityType } from '../types.ts';
import type { ExtractedMention } from '../extract/index.ts';
import type { Lexicon } from '../extract/lexicon.ts';
import { dominantPlaces, placeForLevel } from './context.ts';
import { normalize, withoutTrailingNote } from '../util/marks.ts';
import { identityNote } from './notes.ts';

export const entityKey = (type: EntityType, name: string) => `${type}:${name}`;

/** One surface form's final name, with context applied; undefined drops the mention. */
function canonicalName(m: ExtractedMention, doc: Document, lexicon: Lexicon, ctx: ReturnType<typeof dominantPlaces>): string | undefined {
  const name = m.canonical ?? m.surface;
  if (m.type === 'Place' && m.source === 'context') return placeForLevel(name.slice(-1), ctx)?.name;
  if (m.levelPrefix) {
    const place = placeForLevel(m.levelPrefix, ctx);
    // Without a place of that level in the document, 区政府 names no body in particular.
    return place && place.name.endsWith(m.levelPrefix) ? place.name + name.slice(1) : undefined;
  }
  return name;
}

/**
 * Identity across documents: central organs by their full name, everything else by its base form
 * (广东省政府 and 广东省人民政府, a policy with and without its trailing （征求意见稿）, are one; editions,
 * periods and numbers stay apart: notes.ts).
 */
function identity(type: EntityType, name: string, lexicon: Lexicon): string {
  if (type === 'Organization' && lexicon.organs.has(name)) return lexicon.organs.get(name)!;
  return type === 'Person' || type === 'Place' ? name : baseForm(name, lexicon);
}

/** 我局, 本委 …: the document's own body, the first organization it names with that head (its issuer). */
function selfReference(name: string, mentions: ExtractedMention[], lexicon: Lexicon): string | undefined {
  const isSelf = (n: string) => /^(我|本)/.test(n) && lexicon.selfHeads.includes(n.slice(1));
  if (!isSelf(name)) return undefined;
  const head = name.slice(1);
  const own = mentions.find((m) => m.type === 'Organization' && !isSelf(m.canonical ?? m.surface) && (m.canonical ?? m.surface).endsWith(head));
  return own ? own.canonical ?? own.surface : '';
}

export function resolveDocument(doc: Document, mentions: ExtractedMention[], lexicon: Lexicon): Entity[] {
  const ctx = dominantPlaces(doc, mentions, lexicon);
  const byKey = new Map<string, Entity & { scores: number[] }>();
  for (const m of mentions) {
    const self = m.type === 'Organization' ? selfReference(m.canonical ?? m.surface, mentions, lexicon) : undefined;
    const name = self ?? canonicalName(m, doc, lexicon, ctx);
    if (!name || lexicon.nonentities.has(name)) continue;
    const key = entityKey(m.type, identity(m.type, name, lexicon));
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { key, type: m.type, name, aliases: [], mentions: [], docs: [doc.id], confidence: 0, scores: [] }));
    if (name.length > e.name.length) {
      const shorter = e.name;
      e.name = name;
      addAlias(e, shorter);
    }
    for (const alias of [normalize(m.surface), m.canonical ?? '', ...(m.aliases ?? [])]) addAlias(e, alias);
    e.mentions.push({ doc: m.doc, start: m.start, end: m.end, sentence: m.sentence });
    e.scores.push(m.score);
  }
  // Authors named in bylines are persons even where the page prints the byline outside the text.
  for (const author of doc.articles.flatMap((a) => a.authors)) {
    const key = entityKey('Person', author);
    if (!byKey.has(key)) byKey.set(key, { key, type: 'Person', name: author, aliases: [], mentions: [], docs: [doc.id], confidence: 0, scores: [0.95] });
  }
  definedAliases(doc, [...byKey.values()], lexicon);
  mergeAliases(byKey, lexicon);
  propagateMentions(doc, [...byKey.values()]);
  return [...byKey.values()].map(({ scores, ...e }) => ({
    ...e,
    aliases: e.aliases.filter((a) => a !== e.name).sort(),
    confidence: Math.round(Math.min(0.99, 1 - scores.reduce((p, s) => p * (1 - s), 1)) * 100) / 100,
  }));
}

function addAlias(e: Entity, alias: string): void {
  if (alias && alias !== e.name && !e.aliases.includes(alias)) e.aliases.push(alias);
}

const isNamedThing = (type: EntityType) => type === 'Program' || type === 'Policy';

/** A text with every equivalent part in its short spelling (深圳市人民政府关于… → 深圳市政府关于…). */
export function shortForm(name: string, lexicon: Lexicon): string {
  for (const [long, short] of lexicon.equivalentForms) name = name.replaceAll(long, short);
  return name;
}

/**
 * A name without the tails that add nothing to its identity (机关, a trailing （征求意见稿）). Notes of
 * edition, period and number are identity (notes.ts): （2019年本） and （2024年本） are two catalogues.
 */
export function baseForm(name: string, lexicon: Lexicon): string {
  const note = identityNote(name);
  if (note) return baseForm(name.slice(0, -note.length), lexicon) + note;
  let base = withoutTrailingNote(name);
  // A name's own head in its short spelling (安徽省人民政府 → 安徽省政府); parts inside stay.
  for (const [long, short] of lexicon.equivalentForms) if (base.endsWith(long)) base = base.slice(0, -long.length) + short;
  for (const tail of lexicon.genericTails) if (base.endsWith(tail) && base.length > tail.length + 1) base = base.slice(0, -tail.length);
  return base;
}

/**
 * An entity whose name is another's alias, or which shares its base form with a longer entity of its
 * type (潍坊市人大常委会 / 潍坊市人大常委会机关), is that entity.
 */
function mergeAliases(byKey: Map<string, Entity & { scores: number[] }>, lexicon: Lexicon): void {
  // Longest names first: each entity can only merge into a longer (or aliased) one already indexed.
  const entities = [...byKey.values()].sort((a, b) => b.name.length - a.name.length || a.key.localeCompare(b.key));
  const byAlias = new Map<string, Entity & { scores: number[] }>();
  const byBase = new Map<string, Entity & { scores: number[] }>();
  const editions = editionsByBase(entities, lexicon);
  for (const e of entities) {
    const base = `${e.type}|${baseForm(e.name, lexicon)}`;
    // A quoted short form may have been typed otherwise (科小育优 as a Policy); other types never merge.
    const aliased = byAlias.get(e.name);
    // A name without its edition, in a document that names exactly one edition, is that edition.
    const edition = identityNote(e.name) ? undefined : editions.get(base);
    const into =
      (aliased && (aliased.type === e.type || (isNamedThing(aliased.type) && isNamedThing(e.type))) ? aliased : undefined) ??
      byBase.get(base) ??
      (edition?.length === 1 ? edition[0] : undefined);
    if (into && into !== e && into.name.length >= e.name.length) {
      addAlias(into, e.name);
      for (const a of e.aliases) addAlias(into, a);
      into.mentions.push(...e.mentions);
      into.scores.push(...e.scores);
      byKey.delete(e.key);
      continue;
    }
    for (const a of e.aliases) if (!byAlias.has(a)) byAlias.set(a, e);
    if (!byBase.has(base)) byBase.set(base, e);
  }
}

/** Entities whose names carry an identity note (an edition, period or number), by the base form without it. */
function editionsByBase<E extends Entity>(entities: E[], lexicon: Lexicon): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const e of entities) {
    const note = identityNote(e.name);
    if (!note) continue;
    const base = `${e.type}|${baseForm(e.name.slice(0, -note.length), lexicon)}`;
    out.set(base, [...(out.get(base) ?? []), e]);
  }
  return out;
}

/**
 * Once a document names an entity, its other occurrences are mentions too (a policy's title repeated
 * as a heading without its 《》; a person named again without a title). Only names of four characters or
 * more (three for persons), outside existing mentions.
 */
function propagateMentions(doc: Document, entities: Entity[]): void {
  // Characters already inside a mention, one flag each: checking a span costs its length, not the
  // number of mentions so far (which made a long document's resolve quadratic).
  const taken = new Uint8Array(doc.text.length);
  const take = (start: number, end: number) => taken.fill(1, start, end);
  const free = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };
  for (const e of entities) for (const m of e.mentions) take(m.start, m.end);
  const named = entities
    .filter((e) => e.type !== 'Place' && e.type !== 'Industry')
    .flatMap((e) => [e.name, ...e.aliases].filter((f) => f.length >= (e.type === 'Person' ? 3 : 4)).map((form) => ({ e, form })))
    .sort((a, b) => b.form.length - a.form.length);
  const hits = occurrences(doc.text, named.map((n) => n.form));
  named.forEach(({ e, form }, i) => {
    let next = 0;
    for (const at of hits[i]!) {
      // The same form's occurrences do not overlap: left to right, each after the previous one.
      if (at < next) continue;
      next = at + form.length;
      const end = at + form.length;
      if (!free(at, end)) continue;
      const sentence = sentenceAt(doc, at, end);
      if (!sentence) continue;
      e.mentions.push({ doc: doc.id, start: at, end, sentence: sentence.index });
      take(at, end);
    }
  });
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
}

/**
 * Where each form occurs in `text` (ascending), in one pass over the text: forms are looked up by their
 * first characters, so the cost grows with the text, not with the text times the number of forms.
 */
function occurrences(text: string, forms: string[]): number[][] {
  const PREFIX = 3;
  const byPrefix = new Map<string, number[]>();
  forms.forEach((form, i) => {
    const key = form.slice(0, PREFIX);
    const list = byPrefix.get(key);
    if (list) list.push(i);
    else byPrefix.set(key, [i]);
  });
  const hits: number[][] = forms.map(() => []);
  if (!forms.length) return hits;
  for (let at = 0; at + PREFIX <= text.length; at++) {
    const list = byPrefix.get(text.slice(at, at + PREFIX));
    if (list) for (const i of list) if (text.startsWith(forms[i]!, at)) hits[i]!.push(at);
  }
  return hits;
}

/** The sentence holding [start, end), by binary search over the sentences (in text order). */
function sentenceAt(doc: Document, start: number, end: number): Document['sentences'][number] | undefined {
  const { sentences } = doc;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (s.end <= start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return end <= s.end ? s : undefined;
  }
  return undefined;
}

/** 《关于…的若干措施》（以下简称“新政”）: the short name the text defines is an alias (data/patterns/aliases.json). */
function definedAliases(doc: Document, entities: Entity[], lexicon: Lexicon): void {
  for (const m of doc.text.matchAll(lexicon.definedAlias)) {
    const at = m.index!;
    const named = entities.find((e) => e.mentions.some((r) => r.doc === doc.id && r.end === at));
    if (named) addAlias(named, m[1]!);
  }
}

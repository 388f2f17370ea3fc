// Everything the extractor knows as data: loaded once from data/lexicon and data/patterns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../types.ts';
import { Trie } from './trie.ts';
import { readDataJSON } from '../util/data-file.ts';

export const DATA_DIR = join(import.meta.dirname, '../../data');

export interface PlaceEntry {
  name: string;
  short: string;
  /** `world`: a place outside China's divisions (a country, region, sea, river: world-places.tsv). */
  level: 'province' | 'city' | 'county' | 'world';
  code: string;
}

export interface Lexicon {
  places: Map<string, PlaceEntry>; // by full and short name
  placeTrie: Trie;
  organs: Map<string, string>; // any form → full name
  organTrie: Trie;
  industries: Set<string>;
  industryTrie: Trie;
  orgSuffixes: { head: string; weak: boolean }[]; // longest first
  programHeads: string[];
  programNameHeads: { head: string; weak: boolean }[];
  policyHeads: string[];
  nonentities: Set<string>;
  nameVerbs: Set<string>;
  levelOrgans: Set<string>;
  genericTails: string[];
  /** Long and short spellings of one name part (人民政府 → 政府). */
  equivalentForms: [string, string][];
  organHeads: Set<string>;
  genericSubjects: Set<string>;
  documentHeads: string[];
  genericModifiers: Set<string>;
  nameBreakers: Set<string>;
  surnames: Set<string>;
  personTitles: Set<string>;
  titlesAfterName: Set<string>;
  governmentTitles: Set<string>;
  enumeration: { separators: string[]; qualifiers: string[]; heads: Record<string, EntityType>; maxItemChars: number; notIndustryTails: string[] };
  /** Endings that make an enumeration item no industry: organization and program heads, facilities. */
  notIndustryTails: string[];
  persons: { afterName: string[]; notLastChars: string };
  selfHeads: string[];
  quotes: { maxChars: number; maxInfixChars: number; bareQuoteVerbs: string[] };
  /** A short name the text defines for what precedes it (（以下简称“新政”）): group 1 is the name. */
  definedAlias: RegExp;
}

function lines(file: string): string[] {
  return readFileSync(join(DATA_DIR, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
const words = (file: string) => lines(file).flatMap((l) => l.split(/\s+/));
const byLengthDesc = (a: string, b: string) => b.length - a.length;

/** Head lists: one head a line, longest first; a trailing * marks a weak head. */
function heads(file: string): { head: string; weak: boolean }[] {
  return lines(file)
    .map((l) => ({ head: l.replace(/\s*\*$/, ''), weak: l.endsWith('*') }))
    .sort((a, b) => byLengthDesc(a.head, b.head));
}

let cached: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const places = new Map<string, PlaceEntry>();
  const placeTrie = new Trie();
  const ambiguous = new Set(words('lexicon/ambiguous-places.txt'));
  for (const line of lines('lexicon/places.tsv')) {
    const [name, short, level, code] = line.split('\t') as [string, string, PlaceEntry['level'], string];
    const entry = { name, short, level, code };
    // A county name never shadows a city or province of the same name.
    if (!places.has(name) || level !== 'county') places.set(name, entry);
    placeTrie.add(name);
    if (short !== name && !ambiguous.has(short) && !places.has(short)) {
      places.set(short, entry);
      placeTrie.add(short);
    }
  }
  // Countries, regions and waters of the world; its cities (CLDR's time-zone cities, stations among
  // them) stay features of the tagger, too ambiguous for a dictionary match of their own.
  for (const line of lines('lexicon/world-places.tsv')) {
    const [name, kind] = line.split('\t') as [string, string];
    if (kind === 'city' || places.has(name)) continue;
    places.set(name, { name, short: name, level: 'world', code: '' });
    placeTrie.add(name);
  }
  const organs = new Map<string, string>();
  const organTrie = new Trie();
  for (const line of lines('lexicon/organs.tsv')) {
    const [full, short] = line.split('\t') as [string, string];
    organs.set(full, full);
    if (!organs.has(short)) organs.set(short, full);
    organTrie.add(full);
    organTrie.add(short);
  }
  const industries = new Set(lines('lexicon/industries.txt'));
  const industryTrie = new Trie();
  for (const i of industries) industryTrie.add(i);
  const orgSuffixes = heads('lexicon/org-suffixes.txt');
  const programNameHeads = heads('lexicon/program-heads.txt');
  const programHeads = programNameHeads.map((h) => h.head);
  const enumeration: Lexicon['enumeration'] = readDataJSON(join(DATA_DIR, 'patterns/enumeration.json'));
  const titleLines = lines('lexicon/person-titles.txt');
  const aliases: { defined: string } = readDataJSON(join(DATA_DIR, 'patterns/aliases.json'));
  cached = {
    places,
    placeTrie,
    organs,
    organTrie,
    industries,
    industryTrie,
    orgSuffixes,
    programHeads,
    programNameHeads,
    policyHeads: lines('lexicon/policy-heads.txt').sort(byLengthDesc),
    nonentities: new Set(words('lexicon/nonentities.txt')),
    nameVerbs: new Set(words('lexicon/name-verbs.txt')),
    levelOrgans: new Set(words('lexicon/level-organs.txt')),
    genericTails: words('lexicon/generic-tails.txt'),
    equivalentForms: lines('lexicon/equivalent-forms.tsv').map((l) => l.split('\t') as [string, string]),
    organHeads: new Set(words('lexicon/organ-heads.txt')),
    genericSubjects: new Set(words('lexicon/generic-subjects.txt')),
    documentHeads: words('lexicon/document-heads.txt'),
    genericModifiers: new Set(words('lexicon/generic-modifiers.txt')),
    nameBreakers: new Set(words('lexicon/name-breakers.txt')),
    surnames: new Set(words('lexicon/surnames.txt')),
    personTitles: new Set(titleLines.map((l) => l.replace(/\s*>$/, ''))),
    governmentTitles: new Set(words('lexicon/government-titles.txt')),
    titlesAfterName: new Set(titleLines.filter((l) => l.endsWith('>')).map((l) => l.replace(/\s*>$/, ''))),
    enumeration,
    persons: readDataJSON(join(DATA_DIR, 'patterns/persons.json')),
    selfHeads: words('lexicon/self-heads.txt'),
    notIndustryTails: [...orgSuffixes.map((s) => s.head), ...programHeads, ...enumeration.notIndustryTails],
    quotes: readDataJSON(join(DATA_DIR, 'patterns/quotes.json')),
    definedAlias: new RegExp(aliases.defined, 'g'),
  };
  return cached;
}

// Document-level relations: bylines and 作者单位 (AFFILIATED_WITH), and places written in names
// (潍坊市委党校 → LOCATED_IN 潍坊市, also where context wrote the place: 市委 → 潍坊市委).
import type { Document, Entity, Evidence, Relation } from '../types.ts';
import { normalize } from '../util/marks.ts';
import { shortForm } from '../resolve/entities.ts';
import type { Lexicon } from '../extract/lexicon.ts';

export function evidenceAt(doc: Document, offset: number): Evidence | undefined {
  const s = doc.sentences.find((x) => x.start <= offset && offset < x.end);
  return s && { doc: doc.id, sentence: doc.text.slice(s.start, s.end), start: s.start, end: s.end };
}

const forms = (e: Entity) => [e.name, ...e.aliases].map(normalize);

/** The sentence of an entity's first mention in this document: evidence for what its name says. */
function firstEvidence(doc: Document, e: Entity): Evidence | undefined {
  const mention = e.mentions.find((m) => m.doc === doc.id);
  return mention && evidenceAt(doc, mention.start);
}

export function bylineRelations(doc: Document, entities: Entity[]): Relation[] {
  const out: Relation[] = [];
  for (const article of doc.articles) {
    if (!article.affiliation) continue;
    const affiliation = normalize(article.affiliation);
    const org = entities.find((e) => e.type === 'Organization' && forms(e).includes(affiliation));
    if (!org) continue;
    // The evidence is the 作者单位 line where the page prints it, else the byline's article start.
    const at = doc.text.indexOf(article.affiliation);
    const evidence = evidenceAt(doc, at >= 0 ? at : article.start);
    if (!evidence) continue;
    for (const author of article.authors) {
      const person = entities.find((e) => e.type === 'Person' && e.name === author);
      if (person) out.push({ type: 'AFFILIATED_WITH', source: person.key, target: org.key, evidence: [evidence], confidence: 0.95 });
    }
  }
  return out;
}

export function placePrefixRelations(doc: Document, entities: Entity[]): Relation[] {
  const out: Relation[] = [];
  const places = entities.filter((e) => e.type === 'Place');
  for (const e of entities) {
    if (e.type !== 'Organization' && e.type !== 'Program') continue;
    const place = places
      // 潍坊市委党校 starts with its place; 西部（成都）科学城 holds it in brackets.
      .map((p) => ({ p, form: forms(p).filter((f) => (e.name.startsWith(f) && e.name.length > f.length) || e.name.includes(`（${f}）`)).sort((a, b) => b.length - a.length)[0] }))
      .filter((x) => x.form)
      .sort((a, b) => b.form!.length - a.form!.length)[0]?.p;
    const evidence = firstEvidence(doc, e);
    if (place && evidence) out.push({ type: 'LOCATED_IN', source: e.key, target: place.key, evidence: [evidence], confidence: 0.85 });
  }
  return out;
}

/** A policy or program that names an industry targets it (支持工业互联网发展若干政策 → 工业互联网). */
export function nameTargetRelations(doc: Document, entities: Entity[], lexicon: Lexicon): Relation[] {
  const out: Relation[] = [];
  const industries = new Map(entities.filter((e) => e.type === 'Industry').flatMap((e) => forms(e).map((f) => [f, e] as const)));
  for (const e of entities) {
    if (e.type !== 'Policy' && e.type !== 'Program') continue;
    const evidence = firstEvidence(doc, e);
    if (!evidence) continue;
    for (const m of lexicon.industryTrie.matches(e.name)) {
      const industry = industries.get(m.value);
      if (industry) out.push({ type: 'TARGETS', source: e.key, target: industry.key, evidence: [evidence], confidence: 0.7 });
    }
  }
  return out;
}

/** 深圳市委深圳市人民政府关于…的意见: the bodies named before 关于 in a policy's title issued it. */
export function titleIssuerRelations(doc: Document, entities: Entity[], lexicon: Lexicon): Relation[] {
  const out: Relation[] = [];
  const orgs = entities.filter((e) => e.type === 'Organization');
  for (const policy of entities) {
    const at = policy.type === 'Policy' ? policy.name.indexOf('关于') : -1;
    if (at <= 0) continue;
    const issuers = shortForm(policy.name.slice(0, at), lexicon);
    const evidence = firstEvidence(doc, policy);
    if (!evidence) continue;
    for (const org of orgs) {
      if (forms(org).some((f) => f.length >= 2 && issuers.includes(shortForm(f, lexicon)))) out.push({ type: 'ISSUED', source: org.key, target: policy.key, evidence: [evidence], confidence: 0.8 });
    }
  }
  return out;
}

// The report model of `zhengtu explain`: one entity with its forms, documents and relations, each
// relation with its evidence sentences, the spans of both endpoints' names in them, and their source
// (document path and article title). Plain data: the text renderer and --json both read it.
import type { KnowledgeGraph } from '../graph/io.ts';
import { RELATED_TO, RELATION_TYPES, type EntityType, type Evidence, type MentionRef, type SourceDocument } from '../types.ts';
import { normalizeName, type EntityRef } from './find.ts';

export interface EvidenceItem {
  sentence: string;
  /** Spans (sentence-relative, end exclusive) of the entity's and the partner's names. */
  highlights: [number, number][];
  doc: string;
  path: string;
  /** Title of the article the sentence belongs to (or the document's title). */
  article: string;
  start: number;
  end: number;
}

export interface RelationItem {
  partner: EntityRef;
  confidence: number;
  planned: boolean;
  /** All evidence, counted; `evidence` holds at most `maxEvidence` of them. */
  evidenceCount: number;
  evidence: EvidenceItem[];
}

export interface RelationGroup {
  type: string;
  /** out: the entity is the source (entity -TYPE-> partner); in: the target. */
  direction: 'out' | 'in';
  relations: RelationItem[];
}

export interface RelatedSummary {
  partners: number;
  /** The partners met most often, by number of sentences shared. */
  top: { partner: EntityRef; sentences: number }[];
}

export interface EntityReport {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  confidence: number;
  mentions: number;
  documents: { id: string; path: string; title: string }[];
  groups: RelationGroup[];
  related: RelatedSummary;
}

export interface ReportOptions {
  /** Evidence sentences kept per relation (default 3). */
  maxEvidence?: number;
  /** Co-occurring partners listed in the RELATED_TO summary (default 10). */
  maxRelated?: number;
}

export function explainEntity(graph: KnowledgeGraph, key: string, options: ReportOptions = {}): EntityReport {
  const maxEvidence = options.maxEvidence ?? 3;
  const a = graph.getNodeAttributes(key);
  const documents = (graph.getAttribute('documents') ?? []) as SourceDocument[];
  const docById = new Map(documents.map((d) => [d.id, d]));
  const ref = (k: string): EntityRef => ({ key: k, type: graph.getNodeAttribute(k, 'type'), name: graph.getNodeAttribute(k, 'name') });

  const groups = new Map<string, RelationGroup>();
  const related = new Map<string, number>();
  const visit = (direction: 'out' | 'in') => (edge: string, attrs: ReturnType<KnowledgeGraph['getEdgeAttributes']>, source: string, target: string) => {
    const partnerKey = direction === 'out' ? target : source;
    if (attrs.type === RELATED_TO) {
      related.set(partnerKey, (related.get(partnerKey) ?? 0) + attrs.evidence.length);
      return;
    }
    const id = `${attrs.type}|${direction}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { type: attrs.type, direction, relations: [] }));
    const sorted = [...attrs.evidence].sort((x, y) => x.doc.localeCompare(y.doc) || x.start - y.start);
    group.relations.push({
      partner: ref(partnerKey),
      confidence: attrs.confidence,
      planned: attrs.planned === true,
      evidenceCount: attrs.evidence.length,
      evidence: sorted.slice(0, maxEvidence).map((ev) => evidenceItem(graph, ev, [key, partnerKey], docById)),
    });
  };
  graph.forEachOutEdge(key, visit('out'));
  graph.forEachInEdge(key, visit('in'));

  const order = (g: RelationGroup) => RELATION_TYPES.indexOf(g.type as (typeof RELATION_TYPES)[number]) * 2 + (g.direction === 'in' ? 1 : 0);
  for (const g of groups.values()) g.relations.sort((x, y) => y.evidenceCount - x.evidenceCount || x.partner.name.localeCompare(y.partner.name));
  return {
    key,
    type: a.type,
    name: a.name,
    aliases: [...a.aliases],
    confidence: a.confidence,
    mentions: a.mentions.length,
    documents: a.docs.map((id) => {
      const d = docById.get(id);
      return { id, path: d?.path ?? id, title: d?.title ?? '' };
    }),
    groups: [...groups.values()].sort((x, y) => order(x) - order(y)),
    related: {
      partners: related.size,
      top: [...related]
        .sort((x, y) => y[1] - x[1] || ref(x[0]).name.localeCompare(ref(y[0]).name))
        .slice(0, options.maxRelated ?? 10)
        .map(([k, sentences]) => ({ partner: ref(k), sentences })),
    },
  };
}

function evidenceItem(graph: KnowledgeGraph, ev: Evidence, keys: string[], docById: Map<string, SourceDocument>): EvidenceItem {
  const doc = docById.get(ev.doc);
  return {
    sentence: ev.sentence,
    highlights: highlights(graph, ev, keys),
    doc: ev.doc,
    path: doc?.path ?? ev.doc,
    article: doc ? articleTitle(doc, ev) : '',
    start: ev.start,
    end: ev.end,
  };
}

/**
 * Where the endpoints are named in the sentence: their mentions inside it, and where a name was not
 * recorded as a mention there (a byline's author, an implied actor), the places its forms occur.
 */
function highlights(graph: KnowledgeGraph, ev: Evidence, keys: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const key of keys) {
    const mentions = (graph.getNodeAttribute(key, 'mentions') as MentionRef[]).filter((m) => m.doc === ev.doc && m.start >= ev.start && m.end <= ev.end);
    if (mentions.length) {
      for (const m of mentions) spans.push([m.start - ev.start, m.end - ev.start]);
      continue;
    }
    const forms = [graph.getNodeAttribute(key, 'name'), ...(graph.getNodeAttribute(key, 'aliases') as string[])].map(normalizeName).filter((f) => f.length >= 2);
    for (const form of forms.sort((x, y) => y.length - x.length)) {
      for (let at = ev.sentence.indexOf(form); at >= 0; at = ev.sentence.indexOf(form, at + form.length)) spans.push([at, at + form.length]);
    }
  }
  return mergeSpans(spans);
}

/** Sorted, with overlapping spans joined (touching ones stay apart: 【市委】【“一七五一”思路目标】). */
function mergeSpans(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of [...spans].sort((x, y) => x[0] - y[0] || y[1] - x[1])) {
    const last = out.at(-1);
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * The article the sentence lies in; furniture outside every body (a title or byline just before a
 * body, an 作者单位 line just after it) belongs to the nearest body.
 */
export function articleTitle(doc: SourceDocument, ev: { start: number; end: number }): string {
  if (!doc.articles.length) return doc.title;
  let best = doc.articles[0]!;
  let bestDistance = Infinity;
  for (const a of doc.articles) {
    const distance = ev.start >= a.start && ev.start < a.end ? 0 : Math.min(Math.abs(ev.start - a.end), Math.abs(a.start - ev.end));
    if (distance < bestDistance) [best, bestDistance] = [a, distance];
  }
  return best.title || doc.title;
}

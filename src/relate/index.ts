// Relate: a document's resolved mentions → typed relations, each with the sentence it came from.
//
// Implied actors: a clause that opens with an organization or place (全市…, 国家燃料电池技术创新中心推动…)
// makes it the actor of later clauses without a subject. An organization reaches to the end of its
// paragraph; a place (the document's 全市/我市) to the end of its article and level-1 section (一、…).
// Nothing reaches further: a new article or a new 一、/二、 heading clears both. In a government work
// report the report's place is the actor where no other is found.
import type { Document, Entity, Relation } from '../types.ts';
import { RELATED_TO } from '../types.ts';
import type { ExtractedMention } from '../extract/index.ts';
import type { Token } from '../extract/tokens.ts';
import { loadLexicon } from '../extract/lexicon.ts';
import { sentenceFacts, type Arg, type SentenceFacts } from './facts.ts';
import { loadPatterns } from './patterns.ts';
import { juxtaposedHits, locativeHits, patternHits, responsibleHits, titleHits, type Hit } from './rules.ts';
import { bylineRelations, nameTargetRelations, placePrefixRelations, titleIssuerRelations } from './document.ts';
import { mergeRelations } from './merge.ts';

export interface RelateInput {
  doc: Document;
  entities: Entity[];
  mentions: ExtractedMention[];
  tokens: Token[][];
}

const CONFIDENCE: Record<string, number> = { svo: 0.75, targets: 0.7, between: 0.75, 'reverse-adjacent': 0.8 };

export function relate({ doc, entities, tokens }: RelateInput): Relation[] {
  const patterns = loadPatterns();
  const lexicon = loadLexicon();
  const facts = sentenceFacts(doc, entities, tokens);
  const clausePrefix = new RegExp(patterns.implied.clausePrefix);
  const speaker = new RegExp(patterns.implied.speakerTitle).test(doc.title) ? defaultActor(entities) : undefined;
  const relations: Relation[] = [];
  let placeActor: Arg | undefined;
  let orgActor: Arg | undefined;
  let article = -2;
  let paragraphIndex = -1;
  // The policy in scope for responsible units: the one in the document's title, then any named in a heading.
  const titled = entities.find((e) => e.type === 'Policy' && doc.title.includes(e.name));
  let policy: Arg | undefined = titled && { key: titled.key, type: 'Policy', start: -1, end: -1 };
  for (const f of facts) {
    const sentence = doc.sentences[f.index]!;
    const paragraph = doc.paragraphs[sentence.paragraph];
    if (sentence.article !== article || paragraph?.heading === 1) placeActor = undefined;
    if (sentence.paragraph !== paragraphIndex) orgActor = undefined;
    article = sentence.article;
    paragraphIndex = sentence.paragraph;
    const actor = orgActor ?? placeActor;
    const headingPolicy = (paragraph?.heading || paragraph?.kind === 'title') && f.args.find((a) => a.type === 'Policy');
    if (headingPolicy) policy = headingPolicy;
    // The actor as of a position: the clause-initial actors of this sentence up to there, else the carried one.
    const openers = clauseOpeners(f, patterns.clauseBreak, clausePrefix);
    const actorAt = (pos: number) => [...openers].reverse().find((a) => a.start < pos) ?? actor ?? speaker;
    const hits: (Hit & { confidence: number })[] = [];
    for (const pattern of patterns.relations) {
      for (const h of patternHits(f, pattern, patterns, actorAt)) hits.push({ ...h, confidence: CONFIDENCE[pattern.shape] ?? 0.7 });
    }
    for (const h of juxtaposedHits(f, patterns)) hits.push({ ...h, confidence: 0.8 });
    for (const h of locativeHits(f, patterns)) hits.push({ ...h, confidence: 0.8 });
    for (const h of titleHits(f, patterns, lexicon)) hits.push({ ...h, confidence: 0.8 });
    for (const h of responsibleHits(f, patterns, policy)) hits.push({ ...h, confidence: 0.8 });
    const evidence = { doc: doc.id, sentence: f.text, start: f.offset, end: f.offset + f.text.length };
    for (const h of hits) {
      relations.push({ type: h.type, source: h.source.key, target: h.target.key, evidence: [evidence], confidence: h.confidence, ...(h.planned ? { planned: true } : {}) });
    }
    relations.push(...cooccurrences(f, hits, evidence));
    for (const o of openers) {
      if (o.type === 'Place') placeActor = o;
      else orgActor = o;
    }
  }
  relations.push(...bylineRelations(doc, entities), ...placePrefixRelations(doc, entities), ...nameTargetRelations(doc, entities, lexicon), ...titleIssuerRelations(doc, entities, lexicon));
  return mergeRelations([relations]);
}

/** Organizations and places that open a clause: the actors of what follows. */
function clauseOpeners(f: SentenceFacts, breaks: string, prefix: RegExp): Arg[] {
  const out: Arg[] = [];
  let clauseStart = 0;
  for (let i = 0; i <= f.text.length; i++) {
    if (i < f.text.length && !breaks.includes(f.text[i]!)) continue;
    const lead = prefix.exec(f.text.slice(clauseStart, i))?.[0].length ?? 0;
    const first = f.args.find((a) => a.start >= clauseStart && a.end <= i);
    if (first && first.start === clauseStart + lead && (first.type === 'Organization' || first.type === 'Place')) out.push(first);
    clauseStart = i + 1;
  }
  return out;
}

function defaultActor(entities: Entity[]): Arg | undefined {
  const place = entities.filter((e) => e.type === 'Place').sort((a, b) => b.mentions.length - a.mentions.length)[0];
  return place && { key: place.key, type: 'Place', start: -1, end: -1 };
}

/** Entities in one sentence with no typed relation between them: RELATED_TO, never scored. */
function cooccurrences(f: SentenceFacts, hits: Hit[], evidence: Relation['evidence'][number]): Relation[] {
  const keys = [...new Set(f.args.map((a) => a.key))].sort();
  if (keys.length < 2 || keys.length > 8) return [];
  const typed = new Set(hits.flatMap((h) => [`${h.source.key}|${h.target.key}`, `${h.target.key}|${h.source.key}`]));
  const out: Relation[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      if (typed.has(`${keys[i]}|${keys[j]}`)) continue;
      out.push({ type: RELATED_TO, source: keys[i]!, target: keys[j]!, evidence: [evidence], confidence: 0.3 });
    }
  }
  return out;
}


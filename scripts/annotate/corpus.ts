// The annotated corpus (data/annotated) as labeled sentences for training and evaluation: each
// document's excerpt is read from ../shared/corpus (checked against its digest) and cut into
// sentences; nested mentions (a place inside a name) are left to the rules, the flat tagger learns
// the outer name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabeledSentence } from '../../src/extract/model/types.js';
import type { AnnotatedEntity, AnnotatedMention } from './markup.js';
import { readExcerpt, type Excerpt } from './sources.js';

export const ANNOTATED = join(import.meta.dirname, '..', '..', 'data', 'annotated');

export interface ManifestDocument extends Excerpt {
  id: string;
  genre: string;
  split: 'train' | 'dev';
  double: boolean;
}

export interface AnnotatedDocument {
  id: string;
  annotator: string;
  sha1: string;
  mentions: AnnotatedMention[];
  entities: AnnotatedEntity[];
}

export function readManifest(): ManifestDocument[] {
  return JSON.parse(readFileSync(join(ANNOTATED, 'manifest.json'), 'utf8')).documents as ManifestDocument[];
}

/** The annotated documents present (a document not yet annotated is absent), with their excerpts. */
export function annotatedDocuments(folder = 'docs', split?: 'train' | 'dev'): { doc: ManifestDocument; text: string; annotation: AnnotatedDocument }[] {
  const dir = join(ANNOTATED, folder);
  if (!existsSync(dir)) return [];
  const manifest = new Map(readManifest().map((d) => [d.id, d]));
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const annotation = JSON.parse(readFileSync(join(dir, file), 'utf8')) as AnnotatedDocument;
    const doc = manifest.get(annotation.id);
    if (!doc) throw new Error(`${join(dir, file)}: ${annotation.id} is not in data/annotated/manifest.json`);
    if (split && doc.split !== split) continue;
    if (annotation.sha1 !== doc.sha1) throw new Error(`${join(dir, file)}: annotated a different excerpt than the manifest's (digest differs)`);
    out.push({ doc, text: readExcerpt(doc), annotation });
  }
  return out;
}

const SENTENCE_END = /[。！？；!?;\n]/;

/** A document's text cut after every sentence end (and line break), with the mentions inside each piece. */
export function toSentences(text: string, mentions: readonly AnnotatedMention[], source: string): LabeledSentence[] {
  const flat = mentions.filter((m) => !m.nested);
  const sentences: LabeledSentence[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_END.test(text[i])) continue;
    const to = i < text.length && text[i] !== '\n' ? i + 1 : i;
    // Never cut inside a mention (a name holding ；is rare but possible).
    if (flat.some((m) => m.start < to && to < m.end)) continue;
    const piece = text.slice(from, to);
    if (piece.trim()) {
      const spans = flat.filter((m) => m.start >= from && m.end <= to).map((m) => ({ start: m.start - from, end: m.end - from, type: m.type }));
      sentences.push({ text: piece, spans, source });
    }
    from = i + 1;
  }
  return sentences;
}

export function annotatedSentences(split: 'train' | 'dev'): LabeledSentence[] {
  return annotatedDocuments('docs', split).flatMap(({ text, annotation }) => toSentences(text, annotation.mentions, 'annotated'));
}

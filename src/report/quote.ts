// Evidence sentences as quotes: hard line breaks of the source removed, the entities shown marked, and the
// source named down to the article (the article whose [start, end) holds the sentence's offset).
import type { Evidence } from '../types.ts';
import type { ReportContext } from './context.ts';
import type { Quote, Segment } from './model.ts';

/** Sentences from PDF columns keep their hard line breaks; in Chinese text a wrapped line joins without a space. */
export function displayText(sentence: string): string {
  return sentence.replace(/\s*\n\s*/g, '').trim();
}

/** Splits text into segments, marking every occurrence of any of the names (longest match first). */
export function highlight(text: string, names: string[]): Segment[] {
  const forms = [...new Set(names.filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  const segments: Segment[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const hit = forms.find((f) => text.startsWith(f, i));
    if (hit) {
      if (plain) segments.push({ text: plain, mark: false });
      plain = '';
      segments.push({ text: hit, mark: true });
      i += hit.length;
    } else {
      plain += text[i++];
    }
  }
  if (plain) segments.push({ text: plain, mark: false });
  return segments;
}

/** The names an entity goes by: its name and aliases. */
export function namesOf(context: ReportContext, key: string): string[] {
  const { name, aliases } = context.graph.getNodeAttributes(key);
  return [name, ...(aliases ?? [])];
}

export function quote(context: ReportContext, evidence: Evidence, marked: string[]): Quote {
  const doc = context.documents.get(evidence.doc);
  const article = doc?.articles?.find((a) => evidence.start >= a.start && evidence.start < a.end);
  return {
    segments: highlight(displayText(evidence.sentence), marked),
    doc: { id: evidence.doc, title: doc?.title ?? '', path: doc?.path ?? '' },
    article: article?.title ?? null,
  };
}

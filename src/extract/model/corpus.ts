// CLUENER2020 JSON Lines → sentences with Organization spans (organization + government + company).
import { readFileSync } from 'node:fs';
import type { LabeledSentence } from './types.ts';

export const CLUENER_ORG_LABELS = ['organization', 'government', 'company'] as const;

interface CluenerLine {
  text: string;
  label?: Record<string, Record<string, [number, number][]>>;
}

/** Reads a CLUENER file; throws an Error naming the file and line on malformed input. */
export function readCluener(path: string): LabeledSentence[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const sentences: LabeledSentence[] = [];
  raw.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: CluenerLine;
    try {
      parsed = JSON.parse(line) as CluenerLine;
    } catch {
      throw new Error(`${path}:${index + 1}: not a JSON line (expected {"text": …, "label": …})`);
    }
    if (typeof parsed.text !== 'string') throw new Error(`${path}:${index + 1}: no "text" string`);
    const seen = new Set<string>();
    const spans: { start: number; end: number }[] = [];
    for (const type of CLUENER_ORG_LABELS) {
      for (const positions of Object.values(parsed.label?.[type] ?? {})) {
        for (const [start, endInclusive] of positions) {
          const key = `${start}:${endInclusive}`;
          if (seen.has(key)) continue;
          seen.add(key);
          spans.push({ start, end: endInclusive + 1 });
        }
      }
    }
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    sentences.push({ text: parsed.text, spans });
  });
  return sentences;
}

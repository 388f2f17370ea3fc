// Organization P/R/F1 on CLUENER2020 (organization + government + company merged, exact spans),
// and the predictions in CLUENER's own JSON Lines format.
import { writeFileSync, renameSync } from 'node:fs';
import type { LabeledSentence } from '../extract/model/types.ts';
import { readCluener } from '../extract/model/corpus.ts';
import { loadEntityTagger, type EntityTagger } from '../extract/model/tagger.ts';
// The tagger takes the rules' proposals as features: loading the extractor registers them.
import '../extract/index.ts';

/** CLUENER's organization, government and company labels, the spans scored here. */
const ORGANIZATION_LABELS = { organization: 'Organization', government: 'Organization', company: 'Organization' } as const;

export interface CluenerResult {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  sentences: number;
}

type Span = { start: number; end: number };

/** Exact-span counts of predicted against gold spans, sentence by sentence (end exclusive). */
export function scoreSpans(gold: readonly Span[][], predicted: readonly Span[][]): CluenerResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((goldSpans, i) => {
    const want = new Set(goldSpans.map((s) => `${s.start}:${s.end}`));
    const got = new Set((predicted[i] ?? []).map((s) => `${s.start}:${s.end}`));
    for (const key of got) if (want.has(key)) tp++;
    else fp++;
    for (const key of want) if (!got.has(key)) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn, sentences: gold.length };
}

/** One CLUENER JSON line of predicted Organization spans (end inclusive, as CLUENER has it). */
export function cluenerLine(text: string, spans: readonly Span[]): string {
  const organization: Record<string, [number, number][]> = {};
  for (const { start, end } of spans) (organization[text.slice(start, end)] ??= []).push([start, end - 1]);
  return JSON.stringify({ text, label: spans.length ? { organization } : {} });
}

export interface EvaluateOptions {
  /** A tagger to evaluate instead of the committed model. */
  tagger?: EntityTagger;
  modelPath?: string;
}

/** Scores a tagger on labeled sentences; returns its predictions too. */
export function evaluateTagger(sentences: readonly LabeledSentence[], tagger: EntityTagger): { result: CluenerResult; predicted: Span[][] } {
  const predicted = sentences.map((s) => tagger.predict(s.text).filter((span) => span.type === 'Organization'));
  return { result: scoreSpans(sentences.map((s) => s.spans), predicted), predicted };
}

/** Tags every sentence of a CLUENER file and scores Organization spans; optionally writes predictions. */
export async function evaluateCluener(devPath: string, predictionsPath?: string, options: EvaluateOptions = {}): Promise<CluenerResult> {
  const sentences: LabeledSentence[] = readCluener(devPath, ORGANIZATION_LABELS);
  const tagger = options.tagger ?? loadEntityTagger(options.modelPath);
  const { result, predicted } = evaluateTagger(sentences, tagger);
  if (predictionsPath) {
    const tmp = `${predictionsPath}.tmp-${process.pid}`;
    try {
      writeFileSync(tmp, sentences.map((s, i) => cluenerLine(s.text, predicted[i])).join('\n') + '\n');
      renameSync(tmp, predictionsPath);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new Error(`cannot write predictions to ${predictionsPath}: ${code} (check that its folder exists and is writable)`);
    }
  }
  return result;
}

export function formatCluenerReport(result: CluenerResult): string {
  const pct = (x: number): string => (x * 100).toFixed(2);
  return [
    `CLUENER Organization (organization+government+company, exact span) on ${result.sentences} sentences`,
    `  precision ${pct(result.precision)}  recall ${pct(result.recall)}  F1 ${pct(result.f1)}`,
    `  tp ${result.tp}  fp ${result.fp}  fn ${result.fn}`,
  ].join('\n');
}

// Temperature of span scores: the perceptron's scores have no natural scale, so exp(score / τ) is
// fitted on sentences the model did not train on, to make a span's score a usable probability of
// being right (minimum log loss of "predicted span is exactly a gold span of that type").
import type { EntityModel, LabeledSentence } from './types.ts';
import { EntityTagger } from './tagger.ts';

const GRID = [0.5, 0.7, 1, 1.4, 2, 2.8, 4, 5.6, 8, 11, 16, 22, 32, 45, 64, 90, 128];

export interface Calibration {
  temperature: number;
  logLoss: number;
  spans: number;
  /** Per type, the share of predicted spans that are gold spans: the score a span gets by default. */
  precision: Record<string, number>;
}

export function withCalibration(model: EntityModel, calibration: Calibration): EntityModel {
  return { ...model, meta: { ...model.meta, temperature: calibration.temperature, precision: calibration.precision } };
}

/** Per type, the precision of the model's spans on held-out sentences (types they annotate only). */
export function typePrecision(model: EntityModel, heldOut: readonly LabeledSentence[]): Record<string, number> {
  const tagger = new EntityTagger(model);
  const counts = new Map<string, [number, number]>();
  for (const sentence of heldOut) {
    const gold = new Set(sentence.spans.map((s) => `${s.start}:${s.end}:${s.type}`));
    const annotated = new Set(sentence.annotates ?? model.types);
    for (const span of tagger.predict(sentence.text)) {
      if (!annotated.has(span.type)) continue;
      const c = counts.get(span.type) ?? [0, 0];
      c[gold.has(`${span.start}:${span.end}:${span.type}`) ? 0 : 1]++;
      counts.set(span.type, c);
    }
  }
  return Object.fromEntries([...counts].map(([type, [right, wrong]]) => [type, Math.round((1000 * right) / (right + wrong)) / 1000]));
}

export function calibrate(model: EntityModel, heldOut: readonly LabeledSentence[]): Calibration {
  let best: Calibration = { temperature: 1, logLoss: Infinity, spans: 0, precision: typePrecision(model, heldOut) };
  for (const temperature of GRID) {
    const tagger = new EntityTagger({ ...model, meta: { ...model.meta, temperature } });
    let loss = 0;
    let spans = 0;
    for (const sentence of heldOut) {
      const gold = new Set(sentence.spans.map((s) => `${s.start}:${s.end}:${s.type}`));
      const annotated = new Set(sentence.annotates ?? model.types);
      for (const span of tagger.predict(sentence.text, undefined, true)) {
        if (!annotated.has(span.type)) continue;
        const p = Math.min(Math.max(span.score, 1e-6), 1 - 1e-6);
        loss -= gold.has(`${span.start}:${span.end}:${span.type}`) ? Math.log(p) : Math.log(1 - p);
        spans++;
      }
    }
    const logLoss = spans ? loss / spans : Infinity;
    if (logLoss < best.logLoss) best = { ...best, temperature, logLoss, spans };
  }
  return best;
}

// Temperature of span scores: the perceptron's scores have no natural scale, so exp(score / τ) is
// fitted on sentences the model did not train on, to make a span's score a usable probability of
// being right (minimum log loss of "predicted span is exactly a gold span").
import type { LabeledSentence, OrgModel } from './types.ts';
import { OrgTagger } from './tagger.ts';

const GRID = [0.5, 0.7, 1, 1.4, 2, 2.8, 4, 5.6, 8, 11, 16, 22, 32, 45, 64, 90, 128];

export interface Calibration {
  temperature: number;
  logLoss: number;
  spans: number;
}

export function withTemperature(model: OrgModel, temperature: number): OrgModel {
  return { ...model, meta: { ...model.meta, temperature } };
}

export function calibrateTemperature(model: OrgModel, heldOut: readonly LabeledSentence[]): Calibration {
  let best: Calibration = { temperature: 1, logLoss: Infinity, spans: 0 };
  for (const temperature of GRID) {
    const tagger = new OrgTagger(withTemperature(model, temperature));
    let loss = 0;
    let spans = 0;
    for (const sentence of heldOut) {
      const gold = new Set(sentence.spans.map((s) => `${s.start}:${s.end}`));
      for (const span of tagger.predict(sentence.text)) {
        const p = Math.min(Math.max(span.score, 1e-6), 1 - 1e-6);
        loss -= gold.has(`${span.start}:${span.end}`) ? Math.log(p) : Math.log(1 - p);
        spans++;
      }
    }
    const logLoss = spans ? loss / spans : Infinity;
    if (logLoss < best.logLoss) best = { temperature, logLoss, spans };
  }
  return best;
}

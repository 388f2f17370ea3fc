import { describe, expect, it } from 'vitest';
import { viterbi, spanProbabilities } from '../../src/extract/model/viterbi.ts';
import { mulberry32 } from '../../src/extract/model/perceptron.ts';
import { I, allowed, allowedEnd, spansToTags, tagCount, tagOf, tagsToSpans } from '../../src/extract/model/tags.ts';

// Two entity types: 5 tags, few enough to enumerate every legal sequence of a short sentence.
const K = 2;
const T = tagCount(K);

/** Every legal BIOES sequence of length n with its score, by enumeration. */
function enumerate(emit: Float64Array, n: number, trans: Float32Array, endTrans: Float32Array): { tags: number[]; score: number }[] {
  const out: { tags: number[]; score: number }[] = [];
  const walk = (tags: number[], score: number): void => {
    if (tags.length === n) {
      const last = tags[n - 1];
      if (allowedEnd(last)) out.push({ tags: [...tags], score: score + endTrans[last] });
      return;
    }
    const from = tags.length === 0 ? -1 : tags[tags.length - 1];
    for (let t = 0; t < T; t++) {
      if (!allowed(from, t)) continue;
      walk([...tags, t], score + trans[(from < 0 ? T : from) * T + t] + emit[tags.length * T + t]);
    }
  };
  walk([], 0);
  return out;
}

function randomChain(seed: number, n: number) {
  const random = mulberry32(seed);
  const emit = Float64Array.from({ length: n * T }, () => random() * 4 - 2);
  const trans = Float32Array.from({ length: (T + 1) * T }, () => random() * 2 - 1);
  const endTrans = Float32Array.from({ length: T }, () => random() * 2 - 1);
  return { emit, trans, endTrans };
}

describe('Viterbi and forward–backward over BIO tags of several types', () => {
  it('finds the best legal sequence, as enumeration does', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const n = 1 + (seed % 5);
      const { emit, trans, endTrans } = randomChain(seed, n);
      const all = enumerate(emit, n, trans, endTrans);
      const best = all.reduce((a, b) => (b.score > a.score ? b : a));
      const out = new Uint8Array(n);
      viterbi(emit, n, trans, endTrans, out, K);
      expect(Array.from(out)).toEqual(best.tags);
    }
  });

  it('gives each span the probability enumeration gives it (exactly that span: it does not go on)', () => {
    for (let seed = 100; seed < 120; seed++) {
      const n = 2 + (seed % 4);
      const { emit, trans, endTrans } = randomChain(seed, n);
      const temperature = 0.5 + (seed % 3);
      const all = enumerate(emit, n, trans, endTrans);
      const z = all.reduce((sum, s) => sum + Math.exp(s.score / temperature), 0);
      const tags = new Uint8Array(n);
      viterbi(emit, n, trans, endTrans, tags, K);
      const spans = tagsToSpans(tags);
      const probabilities = spanProbabilities(emit, n, trans, endTrans, tags, spans, temperature, K);
      spans.forEach((span, k) => {
        let mass = 0;
        for (const s of all) {
          let same = true;
          for (let i = span.start; i < span.end; i++) same &&= s.tags[i] === tags[i];
          // The span ends at its end: the next tag is not an I of its type.
          if (span.end < n) same &&= s.tags[span.end] !== tagOf(span.type, I);
          if (same) mass += Math.exp(s.score / temperature);
        }
        expect(probabilities[k]).toBeCloseTo(mass / z, 9);
      });
    }
  });

  it('turns typed spans into tags and back', () => {
    const spans = [{ start: 0, end: 1, type: 1 }, { start: 2, end: 5, type: 0 }, { start: 5, end: 7, type: 1 }];
    const tags = spansToTags(9, spans);
    // type 0: B1 I2; type 1: B3 I4. Two adjacent spans are told apart by the second's B.
    expect(Array.from(tags)).toEqual([3, 0, 1, 2, 2, 3, 4, 0, 0]);
    expect(tagsToSpans(tags)).toEqual(spans);
    // Overlapping gold spans: the flat tagging keeps the first, longest one.
    expect(tagsToSpans(spansToTags(6, [{ start: 0, end: 4, type: 0 }, { start: 2, end: 6, type: 1 }]))).toEqual([{ start: 0, end: 4, type: 0 }]);
  });

  it('never continues a span with another type', () => {
    expect(allowed(1, 2)).toBe(true); // B-0 → I-0
    expect(allowed(1, 4)).toBe(false); // B-0 → I-1
    expect(allowed(2, 3)).toBe(true); // I-0 → B-1
    expect(allowed(0, 2)).toBe(false); // O → I-0
    expect(allowed(-1, 2)).toBe(false); // start → I-0
    expect(allowedEnd(2)).toBe(true);
  });
});

// Run-time weight table: weights addressed directly by feature bucket (the hashing trick), rounded to
// int16 steps, a bucket's T weights side by side, so lookups are branch-free and the table small
// enough to stay in the CPU caches.
import { T } from './tags.ts';

const STRIDE = 8; // T = 5 weights padded to 16 bytes: one bucket never straddles a cache line

/** Weights rounded to int16 steps: the largest |weight| becomes 32767. */
export function quantize(weights: Float32Array): { weights: Int16Array; step: number } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const step = Math.max(max / 32767, 1e-6);
  return { weights: Int16Array.from(weights, (w) => Math.round(w / step)), step };
}

export class BucketTable {
  readonly step: number;
  private readonly values: Int16Array;

  /** `buckets[i]`'s weights are weights[i*T .. i*T+T) × step. */
  constructor(buckets: Uint32Array, weights: Int16Array, step: number, bits: number) {
    if (T !== 5) throw new Error('BucketTable is laid out for 5 tags');
    this.step = step;
    this.values = new Int16Array(2 ** bits * STRIDE);
    for (let i = 0; i < buckets.length; i++) {
      if (buckets[i] === 0) continue; // bucket 0 is "no feature" and adds nothing
      for (let t = 0; t < T; t++) this.values[buckets[i] * STRIDE + t] = weights[i * T + t];
    }
  }

  /** Emission scores (n × T) of position-major feature buckets (n × F). */
  emissions(feats: Uint32Array, n: number, F: number, out: Float64Array): void {
    const { values, step } = this;
    for (let i = 0; i < n; i++) {
      let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0;
      for (let s = i * F, end = s + F; s < end; s++) {
        const o = feats[s] * STRIDE;
        e0 += values[o];
        e1 += values[o + 1];
        e2 += values[o + 2];
        e3 += values[o + 3];
        e4 += values[o + 4];
      }
      const o = i * T;
      out[o] = e0 * step;
      out[o + 1] = e1 * step;
      out[o + 2] = e2 * step;
      out[o + 3] = e3 * step;
      out[o + 4] = e4 * step;
    }
  }
}

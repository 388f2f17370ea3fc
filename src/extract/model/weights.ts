// Run-time weight table: a feature bucket (the hashing trick) points at its row of T weights, rounded to
// int16 steps. Most of the 2^bits buckets carry no weight, so rows are stored only for those that do
// and an Int32Array maps bucket → row (−1: none); the rows sit side by side for sequential reads.

/** Weights rounded to int16 steps: the largest |weight| becomes 32767. */
export function quantize(weights: Float32Array): { weights: Int16Array; step: number } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const step = Math.max(max / 32767, 1e-6);
  return { weights: Int16Array.from(weights, (w) => Math.round(w / step)), step };
}

export class BucketTable {
  readonly step: number;
  private readonly rowOf: Int32Array;
  private readonly values: Int16Array;
  private readonly T: number;
  private acc = new Int32Array(0);

  /** `buckets[i]`'s weights are weights[i*T .. i*T+T) × step. */
  constructor(buckets: Uint32Array, weights: Int16Array, step: number, bits: number, T: number) {
    this.step = step;
    this.T = T;
    this.rowOf = new Int32Array(2 ** bits).fill(-1);
    this.values = weights;
    for (let i = 0; i < buckets.length; i++) {
      if (buckets[i] !== 0) this.rowOf[buckets[i]] = i * T; // bucket 0 is "no feature" and adds nothing
    }
  }

  /** Emission scores (n × T) of position-major feature buckets (n × F). */
  emissions(feats: Uint32Array, n: number, F: number, out: Float64Array): void {
    const { values, step, rowOf, T } = this;
    // Sums in integer steps, converted once per position: int16 → double on every add cost three
    // times as much as the additions themselves.
    const acc = this.acc.length >= T ? this.acc : (this.acc = new Int32Array(T));
    for (let i = 0; i < n; i++) {
      acc.fill(0);
      for (let s = i * F, end = s + F; s < end; s++) {
        const f = feats[s];
        if (f === 0) continue;
        const row = rowOf[f];
        if (row < 0) continue;
        for (let t = 0; t < T; t++) acc[t] += values[row + t];
      }
      const o = i * T;
      for (let t = 0; t < T; t++) out[o + t] = acc[t] * step;
    }
  }
}

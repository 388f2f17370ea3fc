// Run-time weight table: open addressing over feature hashes, with a feature's T weights rounded to
// int16 steps and stored beside its key in 16 bytes, so one lookup touches one cache line and the
// table stays small enough for the CPU caches.
import { T } from './tags.ts';

/** Slot layout in int16 units: key (2 units), T = 5 weights, 1 unit of padding. */
const STRIDE16 = 8;
const STRIDE32 = 4;
const MAX_LOAD = 0.6;

/** The rounding step of weights: the largest |weight| becomes 32767. */
export function weightStep(weights: Float32Array): number {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  return Math.max(max / 32767, 1e-6);
}

export class WeightTable {
  readonly step: number;
  private readonly mask: number;
  private readonly keys: Uint32Array;
  private readonly values: Int16Array;
  private slots = new Int32Array(0);
  private found = new Uint32Array(0);

  constructor(keys: Uint32Array, weights: Float32Array) {
    if (T !== 5) throw new Error('WeightTable is laid out for 5 tags');
    let cap = 16;
    while (cap * MAX_LOAD < keys.length) cap *= 2;
    this.mask = cap - 1;
    this.step = weightStep(weights);
    const buffer = new ArrayBuffer(cap * STRIDE16 * 2);
    this.keys = new Uint32Array(buffer);
    this.values = new Int16Array(buffer);
    for (let i = 0; i < keys.length; i++) {
      let slot = keys[i] & this.mask;
      while (this.keys[slot * STRIDE32] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot * STRIDE32] = keys[i];
      for (let t = 0; t < T; t++) this.values[slot * STRIDE16 + 2 + t] = Math.round(weights[i * T + t] / this.step);
    }
  }

  /** Emission scores (n × T) of position-major features (n × F; 0 = absent). */
  emissions(feats: Uint32Array, n: number, F: number, out: Float64Array): void {
    const { keys, values, mask, step } = this;
    if (this.slots.length < F) {
      this.slots = new Int32Array(F);
      this.found = new Uint32Array(F);
    }
    const { slots, found } = this;
    for (let i = 0; i < n; i++) {
      const base = i * F;
      // First every feature's home slot, without branches, so the CPU overlaps the cache misses;
      // then the comparisons, which mostly find the slot's line already loaded.
      for (let s = 0; s < F; s++) {
        const slot = feats[base + s] & mask;
        slots[s] = slot;
        found[s] = keys[slot * STRIDE32];
      }
      let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0;
      for (let s = 0; s < F; s++) {
        const h = feats[base + s];
        let k = found[s];
        let slot = slots[s];
        while (k !== h && k !== 0) {
          slot = (slot + 1) & mask;
          k = keys[slot * STRIDE32];
        }
        if (k === 0 || h === 0) continue;
        const o = slot * STRIDE16;
        e0 += values[o + 2];
        e1 += values[o + 3];
        e2 += values[o + 4];
        e3 += values[o + 5];
        e4 += values[o + 6];
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

/** Weights addressed directly by hash bucket (the hashing trick): branch-free lookups. */
export class BucketTable {
  readonly step: number;
  private readonly mask: number;
  private readonly values: Int16Array;

  constructor(buckets: Uint32Array, weights: Float32Array, bits: number) {
    this.mask = (1 << bits) - 1;
    this.step = weightStep(weights);
    this.values = new Int16Array((this.mask + 1) * STRIDE16);
    for (let i = 0; i < buckets.length; i++) {
      for (let t = 0; t < T; t++) this.values[buckets[i] * STRIDE16 + t] = Math.round(weights[i * T + t] / this.step);
    }
    // Bucket 0 doubles as "absent feature" (hash 0): it must add nothing.
    this.values.fill(0, 0, STRIDE16);
  }

  emissions(feats: Uint32Array, n: number, F: number, out: Float64Array): void {
    const { values, mask, step } = this;
    for (let i = 0; i < n; i++) {
      let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0;
      for (let s = i * F, end = s + F; s < end; s++) {
        const o = (feats[s] & mask) * STRIDE16;
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

// The wave planner behind concurrent loading: pure, no server needed.
import { describe, expect, it } from 'vitest';
import { disjointWaves } from '../../src/neo4j/batches.ts';
import { prng } from '../../src/graph/synthetic.ts';

describe('disjointWaves', () => {
  it('places every row once, within the batch size, with no node shared inside a wave', () => {
    const random = prng(3);
    const rows = Array.from({ length: 5000 }, (_, i) => ({ i, a: `n${Math.floor(random() * 400)}`, b: `n${Math.floor(random() * 400)}` }));
    // A hub on a tenth of the rows, as real graphs have (潍坊市 in every document).
    for (const row of rows.filter((r) => r.i % 10 === 0)) row.a = 'hub';
    const seen: number[] = [];
    let waves = 0;
    for (const wave of disjointWaves(rows, (r) => [r.a, r.b], 300, 3)) {
      waves++;
      expect(wave.length).toBeLessThanOrEqual(3);
      const owner = new Map<string, number>();
      wave.forEach((batch, k) => {
        expect(batch.length).toBeGreaterThan(0);
        expect(batch.length).toBeLessThanOrEqual(300);
        for (const row of batch) {
          seen.push(row.i);
          for (const node of [row.a, row.b]) {
            expect(owner.get(node) ?? k).toBe(k);
            owner.set(node, k);
          }
        }
      });
    }
    expect(seen.sort((x, y) => x - y)).toEqual(rows.map((r) => r.i));
    expect(waves).toBeGreaterThan(5000 / 900 - 1);
  });

  it('runs rows that all share one node one batch a wave', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ a: 'doc', b: `e${i}` }));
    const waves = [...disjointWaves(rows, (r) => [r.a, r.b], 4, 2)];
    expect(waves.map((w) => w.map((b) => b.length))).toEqual([[4], [4], [2]]);
  });

  it('plans a stream a window at a time, placing every row once', () => {
    let produced = 0;
    function* stream() {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield { i, a: `n${i % 37}`, b: `m${i % 53}` };
      }
    }
    const waves = disjointWaves(stream(), (r) => [r.a, r.b], 50, 2, 200);
    const first = waves.next();
    expect(first.done).toBe(false);
    expect(produced).toBeLessThanOrEqual(200);
    const seen = [...first.value!, ...[...waves].flat()].flat().map((r) => r.i);
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(produced).toBe(1000);
  });
});

// The batch planner behind concurrent loading: pure, no server needed.
import { describe, expect, it } from 'vitest';
import { DisjointBatches, type HeldBatch } from '../../src/neo4j/batches.ts';
import { prng } from '../../src/graph/synthetic.ts';

interface Row {
  i: number;
  a: string;
  b: string;
}
const ends = (r: Row) => [r.a, r.b];

describe('DisjointBatches', () => {
  it('never hands a lane a batch that shares a node with another lane\'s, and places every row once', () => {
    const random = prng(3);
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => ({ i, a: `n${Math.floor(random() * 400)}`, b: `n${Math.floor(random() * 400)}` }));
    // A hub on a tenth of the rows, as real graphs have (潍坊市 in every document).
    for (const row of rows.filter((r) => r.i % 10 === 0)) row.a = 'hub';
    const planner = new DisjointBatches(rows, ends, 300, 1200);
    // Three lanes, each holding up to two batches (one in flight, one made ahead); a random batch ends
    // whenever the chosen lane is full or nothing fits.
    const held: HeldBatch<Row>[] = [];
    const seen: number[] = [];
    let batches = 0;
    for (;;) {
      const lane = Math.floor(random() * 3);
      const batch = held.filter((b) => b.lane === lane).length < 2 ? planner.take(lane) : undefined;
      if (batch === null && !held.length) break;
      if (batch?.rows.length) {
        batches++;
        expect(batch.rows.length).toBeLessThanOrEqual(300);
        const others = new Set(held.filter((b) => b.lane !== lane).flatMap((b) => [...b.nodes]));
        for (const row of batch.rows) {
          expect(others.has(row.a) || others.has(row.b)).toBe(false);
          expect(batch.nodes.has(row.a) && batch.nodes.has(row.b)).toBe(true);
          seen.push(row.i);
        }
        held.push(batch);
        continue;
      }
      if (held.length) planner.release(held.splice(Math.floor(random() * held.length), 1)[0]!);
    }
    expect(seen.sort((x, y) => x - y)).toEqual(rows.map((r) => r.i));
    expect(batches).toBeGreaterThanOrEqual(5000 / 300);
  });

  it('holds back rows whose node another lane holds until that batch is released; its own lane may go on', () => {
    const rows = Array.from({ length: 14 }, (_, i) => ({ i, a: 'doc', b: `e${i}` }));
    const planner = new DisjointBatches(rows, ends, 4);
    const first = planner.take(0)!;
    expect(first.rows.map((r) => r.i)).toEqual([0, 1, 2, 3]);
    expect(planner.take(1)!.rows).toEqual([]);
    const ahead = planner.take(0)!;
    expect(ahead.rows.map((r) => r.i)).toEqual([4, 5, 6, 7]);
    planner.release(first);
    expect(planner.take(1)!.rows).toEqual([]);
    planner.release(ahead);
    const other = planner.take(1)!;
    expect(other.rows.map((r) => r.i)).toEqual([8, 9, 10, 11]);
    planner.release(other);
    expect(planner.take(0)!.rows.map((r) => r.i)).toEqual([12, 13]);
    expect(planner.take(0)).toBeNull();
  });

  it('reads a stream a window ahead, placing every row once', () => {
    let produced = 0;
    function* stream() {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield { i, a: `n${i % 37}`, b: `m${i % 53}` };
      }
    }
    const planner = new DisjointBatches(stream(), ends, 50, 200);
    const seen: number[] = [];
    let batch = planner.take();
    expect(produced).toBeLessThanOrEqual(200);
    while (batch) {
      seen.push(...batch.rows.map((r) => r.i));
      planner.release(batch);
      batch = planner.take();
    }
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(produced).toBe(1000);
  });
});

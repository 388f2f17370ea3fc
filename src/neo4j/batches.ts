// Batches for the loader, and waves of batches that may run at the same time.
//
// Creating a relationship locks both its end nodes until commit, so two transactions that share a node
// wait for each other (or deadlock and retry). `disjointWaves` groups relationship rows into waves of
// batches whose node sets do not overlap; the batches of one wave run concurrently without contention.

/** Consecutive pieces of up to `size` items; a stream is read one piece at a time. */
export function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/**
 * Splits rows into waves of up to `width` batches of up to `size` rows, no node shared between the
 * batches of one wave. Rows whose nodes straddle two batches wait for a later wave; every row is
 * placed exactly once. A stream is planned `window` rows at a time, so only those are held.
 */
export function* disjointWaves<T>(rows: Iterable<T>, nodesOf: (row: T) => [string, string], size: number, width: number, window = size * width * 2): Generator<T[][]> {
  if (width === 1) {
    for (const batch of chunks(rows, size)) yield [batch];
    return;
  }
  for (const part of chunks(rows, Math.max(window, size))) yield* wavesOf(part, nodesOf, size, width);
}

function* wavesOf<T>(rows: T[], nodesOf: (row: T) => [string, string], size: number, width: number): Generator<T[][]> {
  let pending = rows;
  while (pending.length) {
    const deferred: T[] = [];
    let batches: T[][] = [];
    let owner = new Map<string, number>();
    const flush = function* () {
      if (batches.some((b) => b.length)) yield batches.filter((b) => b.length);
      batches = Array.from({ length: width }, () => []);
      owner = new Map();
    };
    batches = Array.from({ length: width }, () => []);
    for (const row of pending) {
      const [a, b] = nodesOf(row);
      const oa = owner.get(a);
      const ob = owner.get(b);
      let target: number;
      if (oa !== undefined && ob !== undefined && oa !== ob) {
        deferred.push(row);
        continue;
      } else if (oa !== undefined) target = oa;
      else if (ob !== undefined) target = ob;
      else target = batches.reduce((best, batch, i) => (batch.length < batches[best]!.length ? i : best), 0);
      if (batches[target]!.length >= size) {
        // This batch is full: the wave is as large as it gets.
        yield* flush();
        target = 0;
      }
      batches[target]!.push(row);
      owner.set(a, target);
      owner.set(b, target);
    }
    yield* flush();
    // Deferred rows go around again; the first row of a pass always finds a place, so this ends.
    pending = deferred;
  }
}

/** Rows as columns, one list per field: the shape the loader's UNWIND range(…) statements take. */
export function columns<T extends object, K extends keyof T & string>(rows: T[], fields: readonly K[]): Record<K, T[K][]> {
  const out = {} as Record<K, T[K][]>;
  for (const field of fields) out[field] = rows.map((row) => row[field]);
  return out;
}

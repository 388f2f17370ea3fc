// Batches for the loader, and waves of batches that may run at the same time.
//
// Creating a relationship locks both its end nodes until commit, so two transactions that share a node
// wait for each other (or deadlock and retry). `DisjointBatches` hands out batches whose nodes no batch
// still in flight holds, so concurrent transactions never contend.

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

/** At most this many lanes. */
const LANES = 1024;

/** A batch handed out by `DisjointBatches`, with the nodes it holds until it is released. */
export interface HeldBatch<T> {
  rows: T[];
  nodes: Set<string>;
  lane: number;
}

/**
 * Batches for transactions that run side by side without barriers, one lane (session) each: a batch
 * handed out to a lane shares no node with a batch another lane holds (in flight, or made ahead), so
 * no transaction ever waits for another's locks. A lane's own batches run one after the other, so they
 * may share nodes. Rows whose nodes another lane holds stay pending for a later batch; every row is
 * handed out exactly once. A stream is read `window` rows ahead, so only those are held in memory.
 */
export class DisjointBatches<T> {
  private pending: T[] = [];
  private readonly rows: Iterator<T>;
  private exhausted = false;
  /** Node → the lane holding it and in how many of that lane's batches, as batches * LANES + lane. */
  private readonly held = new Map<string, number>();

  constructor(
    rows: Iterable<T>,
    private readonly nodesOf: (row: T) => readonly string[],
    private readonly size: number,
    private readonly window = size * 4,
  ) {
    this.rows = rows[Symbol.iterator]();
  }

  /**
   * The next batch for `lane`: up to `size` pending rows, in order, none touching a node another lane
   * holds. Empty when every pending row waits for another lane; null when no row is left.
   */
  take(lane = 0): HeldBatch<T> | null {
    if (!(lane >= 0 && lane < LANES)) throw new Error(`lane ${lane}: 0 to ${LANES - 1}`);
    while (!this.exhausted && this.pending.length < Math.max(this.window, this.size)) {
      const next = this.rows.next();
      if (next.done) this.exhausted = true;
      else this.pending.push(next.value);
    }
    if (!this.pending.length) return null;
    const rows: T[] = [];
    const nodes = new Set<string>();
    const waiting: T[] = [];
    const held = this.held;
    let i = 0;
    rows: for (; i < this.pending.length && rows.length < this.size; i++) {
      const row = this.pending[i]!;
      const ends = this.nodesOf(row);
      for (const node of ends) {
        const h = held.get(node);
        if (h !== undefined && h % LANES !== lane) {
          waiting.push(row);
          continue rows;
        }
      }
      rows.push(row);
      for (const node of ends) nodes.add(node);
    }
    this.pending = i < this.pending.length ? waiting.concat(this.pending.slice(i)) : waiting;
    for (const node of nodes) held.set(node, (held.get(node) ?? lane) + LANES);
    return { rows, nodes, lane };
  }

  /** The batch is done (committed or failed): its nodes are free for the next batches. */
  release(batch: HeldBatch<T>): void {
    for (const node of batch.nodes) {
      const h = this.held.get(node)! - LANES;
      if (h < LANES) this.held.delete(node);
      else this.held.set(node, h);
    }
  }
}

/** Rows as columns, one list per field: the shape the loader's UNWIND range(…) statements take. */
export function columns<T extends object, K extends keyof T & string>(rows: T[], fields: readonly K[]): Record<K, T[K][]> {
  const out = {} as Record<K, T[K][]>;
  for (const field of fields) out[field] = rows.map((row) => row[field]);
  return out;
}

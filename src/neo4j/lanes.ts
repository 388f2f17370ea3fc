// Concurrent transactions over disjoint batches, with no barrier between them.
//
// Each lane (one session) keeps one batch in flight; as soon as its transaction commits, the lane
// makes its next batch and sends it while the other lanes' transactions are still running — no lane
// waits for the others to finish, as fixed waves of batches would. Batches come from
// `DisjointBatches`, so no two lanes' batches in flight share a node.
import type { DisjointBatches, HeldBatch } from './batches.ts';

export async function runLanes<T, P>(
  planner: DisjointBatches<T>,
  lanes: number,
  /** Turns a batch's rows into what `send` needs (its parameters). */
  prepare: (rows: T[]) => P,
  /** Runs one prepared batch on lane `lane`; resolves when it has committed. */
  send: (prepared: P, rows: T[], lane: number) => Promise<void>,
): Promise<void> {
  let failed = false;
  let wake: () => void = () => {};
  let released = new Promise<void>((r) => (wake = r));
  const release = (batch: HeldBatch<T>) => {
    planner.release(batch);
    wake();
    released = new Promise<void>((r) => (wake = r));
  };

  const lane = async (index: number) => {
    while (!failed) {
      const batch = planner.take(index);
      if (!batch) return;
      if (!batch.rows.length) {
        // Every pending row touches a node another lane's batch holds: wait until one is released.
        await released;
        continue;
      }
      try {
        await send(prepare(batch.rows), batch.rows, index);
      } catch (err) {
        failed = true;
        throw err;
      } finally {
        release(batch);
      }
    }
  };

  const results = await Promise.allSettled(Array.from({ length: lanes }, (_, i) => lane(i)));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

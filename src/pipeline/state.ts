// What a build remembers for the next one into the same --out: the inputs' (size, mtime) and cache
// keys (so that unchanged files are not even read), which document sits where in documents.json,
// and where each node and edge sits in graph.json and in the support file (so that a re-run after a
// few files changed copies the rest byte for byte; see patch.ts). Kept under the cache directory of
// the fingerprint, one state per output directory; an unreadable or stale state is just ignored.
//
// Trade-off of the (size, mtime) check: a file rewritten with the same size and the same mtime is
// taken as unchanged. Files whose mtime is within a few seconds of the previous build's start are
// hashed anyway (an edit racing the build), and `--rehash` hashes every input.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { rename, rm } from 'node:fs/promises';
import { ChunkedFile, type GraphChunk } from '../graph/io.ts';

export const STATE_VERSION = 1;
/** An input modified this close to (or after) the previous build's start is hashed anyway. */
export const RACY_MS = 3000;

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface GraphLayout {
  /** Byte ranges in graph.json of the options and attributes objects. */
  options: [number, number];
  attributes: [number, number];
  /** Per element: start, end in graph.json, then start, end in the support file. */
  nodes: { keys: string[]; ranges: Float64Array };
  edges: { keys: string[]; ranges: Float64Array };
}

export interface StateDocument {
  key: string;
  id: string;
  path: string;
  /** Byte range of its line in documents.json. */
  start: number;
  end: number;
}

export interface BuildState {
  version: number;
  /** The inputs and options: another command line, another state. */
  signature: string;
  startedAt: number;
  /** Whole files: path → size, mtime, cache key. */
  files: Map<string, [number, number, string]>;
  /** The documents built, in input order. */
  docs: StateDocument[];
  /** False when the merge dropped something the patch could not restore (see patch.ts). */
  patchable: boolean;
  layout: GraphLayout;
  stamps: { graph: FileStamp; documents: FileStamp; support: FileStamp };
}

export interface StatePaths {
  state: string;
  support: string;
}

export function statePaths(cacheDir: string, out: string): StatePaths {
  const id = createHash('sha256').update(resolve(out)).digest('hex').slice(0, 16);
  const dir = join(cacheDir, 'builds');
  return { state: join(dir, `${id}.state`), support: join(dir, `${id}.support`) };
}

export const stampOf = (path: string): FileStamp | undefined => {
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? { size: st.size, mtimeMs: st.mtimeMs } : undefined;
};
const sameStamp = (a: FileStamp | undefined, b: FileStamp) => !!a && a.size === b.size && a.mtimeMs === b.mtimeMs;

export function readState(paths: StatePaths, signature: string): BuildState | undefined {
  try {
    const state = deserialize(readFileSync(paths.state)) as BuildState;
    return state.version === STATE_VERSION && state.signature === signature ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(paths: StatePaths, state: BuildState): void {
  mkdirSync(join(paths.state, '..'), { recursive: true });
  const tmp = `${paths.state}.tmp-${process.pid}`;
  writeFileSync(tmp, serialize(state));
  renameSync(tmp, paths.state);
}

export function forgetState(paths: StatePaths): void {
  rmSync(paths.state, { force: true });
}

/** Whether graph.json, documents.json and the support file are still those the state describes. */
export function outputsIntact(state: BuildState, graph: string, documents: string, support: string): boolean {
  return sameStamp(stampOf(graph), state.stamps.graph) && sameStamp(stampOf(documents), state.stamps.documents) && sameStamp(stampOf(support), state.stamps.support);
}

/** New text (an element with its support, or what surrounds the elements), or a run of old elements. */
export type GraphPiece = TextPiece | { chunk: 'run'; of: 'node' | 'edge'; from: number; to: number };
export type TextPiece = { chunk: GraphChunk['kind']; key?: string; text: string; support?: string };

/**
 * graph.json and the support file (without a path: none, its offsets 0) written side by side, through temporary
 * files renamed at the end; a run of old elements (consecutive in the old files, separators
 * included) is copied in one piece. Returns where everything landed.
 */
export async function writeGraphFiles(graphPath: string, supportPath: string | undefined, pieces: Iterable<GraphPiece>, old?: { graph: Buffer; support: Buffer; layout: GraphLayout }): Promise<GraphLayout> {
  if (supportPath) mkdirSync(join(supportPath, '..'), { recursive: true });
  const graph = new ChunkedFile(`${graphPath}.tmp-${process.pid}`);
  const support = supportPath ? new ChunkedFile(`${supportPath}.tmp-${process.pid}`) : undefined;
  const layout: GraphLayout = { options: [0, 0], attributes: [0, 0], nodes: { keys: [], ranges: new Float64Array(0) }, edges: { keys: [], ranges: new Float64Array(0) } };
  const ranges: Record<'node' | 'edge', number[]> = { node: [], edge: [] };
  try {
    for (const p of pieces) {
      if (p.chunk === 'run') {
        const from = (p.of === 'node' ? old!.layout.nodes : old!.layout.edges);
        const r = from.ranges;
        const [g0, g1, s0, s1] = [r[4 * p.from], r[4 * p.to + 1], r[4 * p.from + 2], r[4 * p.to + 3]];
        const dg = graph.offset - g0;
        const ds = (support?.offset ?? 0) - s0;
        graph.write(old!.graph.subarray(g0, g1));
        support?.write(old!.support.subarray(s0, s1));
        const into = ranges[p.of];
        const keys = (p.of === 'node' ? layout.nodes : layout.edges).keys;
        for (let i = p.from; i <= p.to; i++) {
          keys.push(from.keys[i]);
          into.push(r[4 * i] + dg, r[4 * i + 1] + dg, r[4 * i + 2] + ds, r[4 * i + 3] + ds);
        }
        continue;
      }
      const start = graph.offset;
      graph.write(p.text);
      if (p.chunk === 'head') {
        // `{"options":{…},"attributes":{…},"nodes":[` — ASCII up to the attributes.
        const cut = p.text.indexOf(',"attributes":');
        layout.options = [start + '{"options":'.length, start + cut];
        layout.attributes = [start + cut + ',"attributes":'.length, graph.offset - ',"nodes":['.length];
      } else if (p.chunk === 'node' || p.chunk === 'edge') {
        const s0 = support?.offset ?? 0;
        support?.write(p.support ?? '[]');
        (p.chunk === 'node' ? layout.nodes : layout.edges).keys.push(p.key!);
        ranges[p.chunk].push(start, graph.offset, s0, support?.offset ?? 0);
      }
    }
  } catch (err) {
    graph.abort();
    support?.abort();
    throw err;
  }
  // The rest of both files goes out on the thread pool, side by side (most of a patched graph.json
  // is copied runs: a few large requests), while this thread finishes the layout.
  const written = Promise.allSettled([graph.closeInBackground([]), support?.closeInBackground([])]);
  layout.nodes.ranges = Float64Array.from(ranges.node);
  layout.edges.ranges = Float64Array.from(ranges.edge);
  const failed = (await written).find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all([rm(graph.path, { force: true }), support && rm(support.path, { force: true })]);
    throw (failed as PromiseRejectedResult).reason;
  }
  await Promise.all([support && rename(support.path, supportPath!), rename(graph.path, graphPath)]);
  return layout;
}

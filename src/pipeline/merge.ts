// Joining part graphs (from `build --shard i/n` on several machines) into one: the same merge as
// within one build (accumulate.ts), so the parts of a corpus merge into the graph of the whole.
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { readGraph, writeGraph, type KnowledgeGraph } from '../graph/io.ts';
import { UserError } from '../util/errors.ts';
import { GraphAccumulator } from './accumulate.ts';
import { JsonArrayWriter } from './output.ts';

/** A part is a build's output directory or its graph.json. */
export function partGraphPath(part: string): string {
  const path = existsSync(part) && statSync(part).isDirectory() ? join(part, 'graph.json') : part;
  if (!existsSync(path)) {
    throw new UserError(`${part}: no graph.json there; give the --out directory of a \`zhengtu build\` (or its graph.json)`);
  }
  return path;
}

export interface MergeOptions {
  /** The merged graph's builtAt; default SOURCE_DATE_EPOCH when set, else now. */
  builtAt?: string;
}

/** Reads the parts one at a time; only the merged graph is held. */
export function mergeGraphFiles(parts: string[], options: MergeOptions = {}): KnowledgeGraph {
  if (parts.length === 0) throw new UserError('merge needs at least one part: zhengtu merge <part-dir...> --out <dir>');
  const accumulator = new GraphAccumulator();
  for (const part of parts) accumulator.addGraph(readGraph(partGraphPath(part)));
  return accumulator.toGraph(options.builtAt ?? builtAtNow());
}

/** graph.json of the parts merged into `out`; documents.json too when every part has one. */
export async function mergeGraphs(parts: string[], out: string, options: MergeOptions = {}): Promise<{ graph: KnowledgeGraph; documents: number | undefined }> {
  const graph = mergeGraphFiles(parts, options);
  mkdirSync(out, { recursive: true });
  writeGraph(join(out, 'graph.json'), graph);
  const documentFiles = parts.map((p) => join(dirname(partGraphPath(p)), 'documents.json'));
  const documents = documentFiles.every((f) => existsSync(f)) ? await concatDocuments(documentFiles, join(out, 'documents.json')) : undefined;
  return { graph, documents };
}

/**
 * documents.json as build writes it holds one document a line, so parts join line by line without
 * parsing (or holding) their text. Documents come part after part.
 */
async function concatDocuments(files: string[], out: string): Promise<number> {
  const writer = new JsonArrayWriter(out);
  let count = 0;
  try {
    for (const file of files) {
      for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
        if (line === '[' || line === ']' || line === '[]' || !line) continue;
        if (!line.startsWith('{')) throw new UserError(`${file}: not a documents.json written by \`zhengtu build\` (one document a line)`);
        writer.write(line.endsWith(',') ? line.slice(0, -1) : line);
        count++;
      }
    }
  } catch (err) {
    writer.abort();
    throw err;
  }
  writer.close();
  return count;
}

/** Reproducible builds: SOURCE_DATE_EPOCH (seconds) fixes the timestamp. */
export function builtAtNow(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? epoch * 1000 : Date.now()).toISOString();
}

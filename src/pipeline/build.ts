// `build` composes the stages: ingest → (clean → extract → resolve → relate per document) → merge →
// graph → outputs (documents.json, graph.json).
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, IngestError, Relation } from '../types.ts';
import { ingest, isIngestError, type IngestOptions } from '../ingest/index.ts';
import { errorMessage } from '../util/errors.ts';
import { processDocument, type DocumentResult } from './document.ts';
import { mergeEntities } from '../resolve/merge.ts';
import { mergeRelations } from '../relate/merge.ts';
import { buildGraph } from '../graph/build.ts';
import { writeGraph, type KnowledgeGraph } from '../graph/io.ts';

export interface BuildOptions {
  out: string;
  ingest?: IngestOptions;
  /** Called once a document is processed; for progress. */
  onDocument?: (result: DocumentResult) => void;
  onError?: (err: IngestError) => void;
}

export interface BuildResult {
  documents: Document[];
  failures: IngestError[];
  graph: KnowledgeGraph;
}

export async function build(inputs: string[], options: BuildOptions): Promise<BuildResult> {
  const results: DocumentResult[] = [];
  const failures: IngestError[] = [];
  for await (const item of ingest(inputs, options.ingest)) {
    if (isIngestError(item)) {
      failures.push(item);
      options.onError?.(item);
      continue;
    }
    try {
      const result = processDocument(item);
      results.push(result);
      options.onDocument?.(result);
    } catch (err) {
      const failure = { path: item.path, message: `processing failed: ${errorMessage(err)}` };
      failures.push(failure);
      options.onError?.(failure);
    }
  }
  const graph = assemble(results);
  mkdirSync(options.out, { recursive: true });
  const documents = results.map((r) => r.doc);
  writeJSON(join(options.out, 'documents.json'), documents);
  writeGraph(join(options.out, 'graph.json'), graph);
  return { documents, failures, graph };
}

/** The cross-document stage: entities merge by key, relations by type and endpoints. */
export function assemble(results: DocumentResult[]): KnowledgeGraph {
  const entities = mergeEntities(results.map((r) => r.entities));
  const relations: Relation[] = mergeRelations(results.map((r) => r.relations));
  return buildGraph(results.map((r) => r.doc), entities, relations);
}

export function writeJSON(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}

// The batched loader: graph rows → Neo4j, incremental per document.
//
// A document is identified by its path; its id is its content hash. A document whose facts are
// already loaded (same id, same facts hash, marked complete) is skipped; any other document has its
// old version purged (every relationship and mention tagged with the old id) and is written afresh.
// Documents are marked complete only after all their facts are written, so a load that dies half way
// leaves incomplete documents that the next load purges and redoes.
import neo4j, { type Session } from 'neo4j-driver';
import { ENTITY_TYPES } from '../types.ts';
import type { Connection } from './connection.ts';
import { LOADED_RELATION_TYPES, type DocumentRow, type GraphRows, type MentionRow, type RelationshipRow } from './rows.ts';
import { applySchema } from './schema.ts';
import { DisjointBatches, chunks, columns } from './batches.ts';
import { runLanes } from './lanes.ts';
import * as cypher from './statements.ts';
import { UserError } from '../util/errors.ts';

export interface LoadOptions {
  batchSize?: number;
  /** Transactions in flight at once (default 2); their batches never share a node. */
  concurrency?: number;
  /** Keep documents already in Neo4j that this graph does not contain (default: remove them). */
  keepMissing?: boolean;
  /** Names the load in the database (`(:Load {source})`). */
  source?: string;
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Asked before a load removes more than half of the documents in the database (a graph built from a
   * mistyped path, or the wrong graph.json); false cancels the load before anything is written.
   */
  confirmRemoval?: (removing: number, inDatabase: number) => Promise<boolean>;
}

export interface LoadProgress {
  phase: 'schema' | 'entities' | 'purge' | 'mentions' | 'relationships' | 'cleanup' | 'done';
  done: number;
  total: number;
}

export interface LoadSummary {
  load: string;
  documents: { added: number; changed: number; unchanged: number; removed: number };
  entities: { created: number; updated: number; deleted: number };
  mentions: { created: number; deleted: number };
  relationships: { created: number; deleted: number };
  schemaAdded: number;
  skippedEdges: number;
  addedPaths: string[];
  changedPaths: string[];
  removedPaths: string[];
  seconds: number;
}

const MENTION_FIELDS = ['doc', 'key', 'starts', 'ends', 'sentences'] as const;
const RELATIONSHIP_FIELDS = ['doc', 'source', 'target', 'sentences', 'starts', 'ends', 'confidence', 'planned'] as const;

interface DbDocument {
  id: string;
  path: string;
  complete: boolean;
  facts: string | null;
}

export async function loadRows(conn: Connection, rows: GraphRows, options: LoadOptions = {}): Promise<LoadSummary> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 10_000;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const load = `${new Date().toISOString()}-${Math.random().toString(36).slice(2, 8)}`;
  const { sizes } = rows;
  const progress = { phase: 'schema' as LoadProgress['phase'], done: 0, total: rows.entities.length + sizes.mentions + sizes.relationships };
  const report = (phase: LoadProgress['phase'], step = 0) => {
    progress.phase = phase;
    progress.done += step;
    options.onProgress?.({ ...progress });
  };

  report('schema');
  const schema = await applySchema(conn);
  const sessions = Array.from({ length: concurrency }, () => conn.driver.session({ database: conn.database }));
  const session = sessions[0]!;
  try {
    /**
     * A statement may depend on the attempt: the first run of a batch CREATEs, and any rerun (the
     * driver's retry, or withRetry's) MERGEs, since a commit whose answer was lost may have happened.
     * `creates`: how many relationships the first attempt must make — the CREATE forms find their ends
     * by node id, and a stale id makes a row create nothing: then the batch is rolled back and rerun.
     */
    const write = async (statement: Statement, params: Record<string, unknown>, on = session, creates?: number) => {
      let attempts = 0;
      return withRetry(() =>
        on.executeWrite(async (tx) => {
          const first = attempts++ === 0;
          const result = await tx.run(typeof statement === 'string' ? statement : statement(first), { load, ...params });
          const created = result.summary.counters.updates().relationshipsCreated;
          if (first && creates !== undefined && created !== creates) throw new StaleIds(created, creates);
          return result;
        }),
      );
    };
    /** Writes the planner's batches, `concurrency` transactions at a time (see lanes.ts). */
    const writeBatches = async <T>(
      planner: DisjointBatches<T>,
      statement: Statement,
      after: (r: Awaited<ReturnType<typeof write>>, batch: T[]) => void,
      params: (batch: T[]) => Record<string, unknown> = (batch) => ({ rows: batch }),
      createsOneEach = false,
    ) =>
      runLanes(planner, concurrency, params, async (prepared, batch, lane) => {
        after(await write(statement, prepared, sessions[lane], createsOneEach ? batch.length : undefined), batch);
      });

    // Which documents to write, which to purge.
    const inDb = (await session.executeRead((tx) => tx.run(cypher.documentState))).records.map((r) => r.toObject() as DbDocument);
    const byId = new Map(inDb.map((d) => [d.id, d]));
    const dbPaths = new Set(inDb.filter((d) => d.complete).map((d) => d.path));
    const graphIds = new Set(rows.documents.map((d) => d.id));
    const graphPaths = new Set(rows.documents.map((d) => d.path));
    const toWrite: DocumentRow[] = [];
    const summary: LoadSummary = {
      load,
      documents: { added: 0, changed: 0, unchanged: 0, removed: 0 },
      entities: { created: 0, updated: 0, deleted: 0 },
      mentions: { created: 0, deleted: 0 },
      relationships: { created: 0, deleted: 0 },
      schemaAdded: schema.added,
      skippedEdges: rows.skippedEdges,
      addedPaths: [],
      changedPaths: [],
      removedPaths: [],
      seconds: 0,
    };
    for (const doc of rows.documents) {
      const old = byId.get(doc.id);
      if (old && old.complete && old.facts === doc.facts && old.path === doc.path) {
        summary.documents.unchanged++;
        continue;
      }
      toWrite.push(doc);
      if (dbPaths.has(doc.path)) summary.changedPaths.push(doc.path);
      else summary.addedPaths.push(doc.path);
    }
    const writePaths = new Set(toWrite.map((d) => d.path));
    const writeIds = new Set(toWrite.map((d) => d.id));
    const purge = inDb.filter(
      (d) => writeIds.has(d.id) || writePaths.has(d.path) || !d.complete || (!options.keepMissing && !graphIds.has(d.id)),
    );
    summary.removedPaths = [...new Set(purge.filter((d) => d.complete && !graphPaths.has(d.path)).map((d) => d.path))];
    summary.documents.added = summary.addedPaths.length;
    summary.documents.changed = summary.changedPaths.length;
    summary.documents.removed = summary.removedPaths.length;
    if (toWrite.length === 0 && purge.length === 0) progress.total = rows.entities.length;
    const removing = summary.removedPaths.length;
    if (options.confirmRemoval && removing * 2 > dbPaths.size && !(await options.confirmRemoval(removing, dbPaths.size))) {
      throw new UserError(`load cancelled: it would remove ${removing} of the ${dbPaths.size} documents in Neo4j at ${conn.uri}; nothing was changed (pass --yes to remove them, or --keep-missing to keep them)`);
    }

    await write(cypher.beginLoad, { source: options.source ?? '' });

    // Entities first: every document's facts point at them. Keys not in Neo4j yet are CREATEd (a rerun
    // of the batch MERGEs); the others are updated where they changed. Node ids by entity key and by
    // document id are kept: the CREATE forms of mentions and relationships find their ends by them.
    const entityIds = new Map<string, number>();
    const documentIds = new Map<string, number>();
    for (const r of (await session.executeRead((tx) => tx.run(cypher.allEntityKeys))).records) entityIds.set(r.get('key'), r.get('id'));
    const dbKeys = new Set(entityIds.keys());
    const keepIds = (ids: Map<string, number>, keys: string[], r: Awaited<ReturnType<typeof write>>) => {
      const found = r.records[0]?.has('ids') ? (r.records[0].get('ids') as number[]) : [];
      if (found.length === keys.length) keys.forEach((key, i) => ids.set(key, found[i]!));
    };
    for (const type of ENTITY_TYPES) {
      const ofType = rows.entities.filter((e) => e.type === type);
      const fresh = (first: boolean) => (first ? cypher.createEntities(type) : cypher.upsertEntities(type));
      for (const [list, statement] of [
        [ofType.filter((e) => !dbKeys.has(e.key)), fresh],
        [ofType.filter((e) => dbKeys.has(e.key)), cypher.upsertEntities(type)],
      ] as const) {
        await writeBatches(new DisjointBatches(list, (e) => [e.key], batchSize), statement, (r, batch) => {
          summary.entities.created += r.records[0]?.get('created') ?? 0;
          summary.entities.updated += r.records[0]?.get('updated') ?? 0;
          keepIds(entityIds, batch.map((e) => e.key), r);
          report('entities', batch.length);
        });
      }
    }

    // Old versions out.
    const purgeIds = purge.map((d) => d.id);
    if (purgeIds.length) {
      report('purge');
      summary.relationships.deleted += await drain(session, cypher.purgeRelationships, { docs: purgeIds, limit: batchSize });
      summary.mentions.deleted += await drain(session, cypher.purgeMentions, { docs: purgeIds, limit: batchSize });
      await write(cypher.deleteDocuments, { docs: purgeIds });
    }

    // New versions in, then marked complete. Every document written now is new or was purged above,
    // so none of its mentions and relationships exist: they are CREATEd, not MERGEd. Their rows are
    // made from the graph a window at a time.
    if (toWrite.length) {
      for (const batch of chunks(toWrite, batchSize)) keepIds(documentIds, batch.map((d) => d.id), await write(cypher.beginDocuments, { rows: batch }));
      const window = batchSize * concurrency * 4;
      /** One kind of fact (mentions, or relationships of one type): CREATEd by node id, MERGEd on a rerun. */
      const writeFacts = <T>(kind: 'mentions' | 'relationships', facts: Iterable<T>, ends: (row: T) => [string, string], create: string, merge: string, params: (batch: T[]) => Record<string, unknown>) =>
        writeBatches(new DisjointBatches(facts, ends, batchSize, window), (first) => (first ? create : merge), (r, batch) => {
          summary[kind].created += r.summary.counters.updates().relationshipsCreated;
          report(kind, batch.length);
        }, params, true);
      report('mentions');
      await writeFacts('mentions', rows.mentions(writeIds), (m: MentionRow) => [`\u0000${m.doc}`, m.key], cypher.createMentions, cypher.mergeMentions, (batch) => ({
        ...columns(batch, MENTION_FIELDS),
        did: batch.map((m) => documentIds.get(m.doc) ?? null),
        eid: batch.map((m) => entityIds.get(m.key) ?? null),
      }));
      report('relationships');
      for (const type of LOADED_RELATION_TYPES) {
        await writeFacts('relationships', rows.relationships(writeIds, type), (r: RelationshipRow) => [r.source, r.target], cypher.createRelationships(type), cypher.mergeRelationships(type), (batch) => ({
          ...columns(batch, RELATIONSHIP_FIELDS),
          sid: batch.map((r) => entityIds.get(r.source) ?? null),
          tid: batch.map((r) => entityIds.get(r.target) ?? null),
        }));
      }
      for (const batch of chunks(toWrite, batchSize)) await write(cypher.completeDocuments, { rows: batch });
    }

    // Entities no document supports any more.
    report('cleanup');
    const graphKeys = new Set(rows.entities.map((e) => e.key));
    // Without --keep-missing every entity outside the graph goes: those read at the start are all there are.
    const outside = options.keepMissing ? (await session.executeRead((tx) => tx.run(cypher.orphanEntityKeys))).records.map((r) => r.get('key') as string) : dbKeys;
    const candidates = [...outside].filter((key) => !graphKeys.has(key));
    for (const batch of chunks(candidates, batchSize)) {
      summary.entities.deleted += (await write(cypher.deleteEntities, { keys: batch })).records[0]?.get('deleted') ?? 0;
    }

    summary.seconds = (Date.now() - started) / 1000;
    await write(cypher.finishLoad, { summary: loadProperties(summary) });
    report('done');
    return summary;
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
}

type Statement = string | ((firstAttempt: boolean) => string);

/** A CREATE batch found fewer ends by id than it has rows; rolled back, it is rerun in its MERGE form. */
class StaleIds extends Error {
  constructor(created: number, rows: number) {
    super(`created ${created} of ${rows} rows: some node ids were stale`);
  }
}

/**
 * Neo4j 5.26 now and then reports EntityNotFound ("Unable to load NODE …") for a node whose id was
 * freed by an earlier mass delete and just reused; it is not classified transient, so the driver does
 * not retry it. Every batch is idempotent, so running it again is safe — and it then succeeds.
 */
async function withRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const again = err instanceof StaleIds || (err as { code?: string }).code === 'Neo.ClientError.Statement.EntityNotFound';
      if (!again || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** Runs a LIMITed delete until nothing is left; each round is its own (retryable) transaction. */
async function drain(session: Session, statement: string, params: Record<string, unknown> & { limit: number }): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await withRetry(() => session.executeWrite((tx) => tx.run(statement, { ...params, limit: neo4j.int(params.limit) })));
    const deleted = (r.records[0]?.get('deleted') as number) ?? 0;
    total += deleted;
    if (deleted < params.limit) return total;
  }
}

/** The summary as flat properties of the (:Load) node, for the `last_load` query. */
function loadProperties(s: LoadSummary): Record<string, unknown> {
  return {
    documentsAdded: s.documents.added,
    documentsChanged: s.documents.changed,
    documentsUnchanged: s.documents.unchanged,
    documentsRemoved: s.documents.removed,
    entitiesCreated: s.entities.created,
    entitiesUpdated: s.entities.updated,
    entitiesDeleted: s.entities.deleted,
    mentionsCreated: s.mentions.created,
    mentionsDeleted: s.mentions.deleted,
    relationshipsCreated: s.relationships.created,
    relationshipsDeleted: s.relationships.deleted,
    addedPaths: s.addedPaths,
    changedPaths: s.changedPaths,
    removedPaths: s.removedPaths,
    seconds: s.seconds,
  };
}

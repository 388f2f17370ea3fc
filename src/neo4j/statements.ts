// The loader's Cypher. Values always travel as parameters; the only names spliced into the text are
// labels and relationship types from the fixed whitelists in src/types.ts (via rows.ts).
import { ENTITY_TYPES, type EntityType } from '../types.ts';
import { LOADED_RELATION_TYPES, type LoadedRelationType } from './rows.ts';

function label(type: EntityType): string {
  if (!ENTITY_TYPES.includes(type)) throw new Error(`not an entity type: ${type}`);
  return type;
}

function relType(type: LoadedRelationType): string {
  if (!LOADED_RELATION_TYPES.includes(type)) throw new Error(`not a relationship type: ${type}`);
  return type;
}

/** Creates or updates entities of one type; counts only real changes, so a reload reports none. */
export function upsertEntities(type: EntityType): string {
  return `
UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
ON CREATE SET n.created = $load
WITH n, row, n.created = $load AS isNew
WHERE isNew OR n.type IS NULL OR n.name <> row.name OR n.aliases <> row.aliases OR n.confidence <> row.confidence
SET n:${label(type)}, n.type = row.type, n.name = row.name, n.aliases = row.aliases, n.confidence = row.confidence, n.changed = $load
RETURN count(CASE WHEN isNew THEN 1 END) AS created, count(CASE WHEN NOT isNew THEN 1 END) AS updated`;
}

/**
 * Entities whose keys Neo4j does not hold yet (the loader read them first); a rerun uses upsertEntities.
 * Returns the new nodes' ids in row order, for the id look-ups of `createMentions` and `createRelationships`.
 */
export function createEntities(type: EntityType): string {
  return `
UNWIND $rows AS row
CREATE (n:Entity:${label(type)} {key: row.key, type: row.type, name: row.name, aliases: row.aliases, confidence: row.confidence,
                                 created: $load, changed: $load})
RETURN count(*) AS created, 0 AS updated, collect(id(n)) AS ids`;
}

/** Documents are written first with complete = false; `completeDocuments` marks them done at the end. */
export const beginDocuments = `
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.path = row.path, d.title = row.title, d += row.articles, d.complete = false, d.facts = null, d.load = $load
RETURN collect(id(d)) AS ids`;

export const completeDocuments = `
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.complete = true, d.facts = row.facts`;

// Mentions and relationships travel as columns — one list per field, $<field>[i] the i-th row — not
// as a list of maps: no field name repeated per row, so the driver encodes a third less and the
// server decodes less (see `columns` in the loader and cypher/README.md).

/**
 * For a document written afresh: its mentions cannot exist yet, so no MERGE has to look for them.
 * Ends are found by node id (`$did`, `$eid`, known to the loader from creating or reading them), not
 * by a unique-index seek, which in a write query also takes a lock per row; the id is trusted only
 * when the node still has the expected key. A row whose id is stale creates nothing, so the loader
 * sees fewer relationships than rows, rolls the batch back and reruns it with `mergeMentions`.
 */
export const createMentions = `
UNWIND range(0, size($key) - 1) AS i
MATCH (d) WHERE id(d) = $did[i]
MATCH (e) WHERE id(e) = $eid[i]
WITH d, e, i WHERE d.id = $doc[i] AND e.key = $key[i]
CREATE (d)-[:MENTIONS {starts: [x IN $starts[i] | toInteger(x)], ends: [x IN $ends[i] | toInteger(x)],
                       sentences: [x IN $sentences[i] | toInteger(x)]}]->(e)`;

/** The idempotent form, for reruns of a batch. */
export const mergeMentions = `
UNWIND range(0, size($key) - 1) AS i
MATCH (d:Document {id: $doc[i]})
MATCH (e:Entity {key: $key[i]})
MERGE (d)-[m:MENTIONS]->(e)
SET m.starts = [x IN $starts[i] | toInteger(x)], m.ends = [x IN $ends[i] | toInteger(x)],
    m.sentences = [x IN $sentences[i] | toInteger(x)]`;

/**
 * For a document written afresh (new, or its old version purged): one relationship per
 * (source, type, target, document), created outright, its ends found by id and checked by key as in
 * `createMentions`. A null `planned` is simply not stored.
 */
export function createRelationships(type: LoadedRelationType): string {
  return `
UNWIND range(0, size($source) - 1) AS i
MATCH (a) WHERE id(a) = $sid[i]
MATCH (b) WHERE id(b) = $tid[i]
WITH a, b, i WHERE a.key = $source[i] AND b.key = $target[i]
CREATE (a)-[:${relType(type)} {doc: $doc[i], sentences: $sentences[i], starts: [x IN $starts[i] | toInteger(x)],
        ends: [x IN $ends[i] | toInteger(x)], confidence: $confidence[i], planned: CASE WHEN $planned[i] THEN true END}]->(b)`;
}

/** The idempotent form, for reruns of a batch: one relationship per (source, type, target, document). */
export function mergeRelationships(type: LoadedRelationType): string {
  return `
UNWIND range(0, size($source) - 1) AS i
MATCH (a:Entity {key: $source[i]})
MATCH (b:Entity {key: $target[i]})
MERGE (a)-[r:${relType(type)} {doc: $doc[i]}]->(b)
SET r.sentences = $sentences[i], r.starts = [x IN $starts[i] | toInteger(x)], r.ends = [x IN $ends[i] | toInteger(x)],
    r.confidence = $confidence[i], r.planned = CASE WHEN $planned[i] THEN true END`;
}

/**
 * Deletes up to $limit relationships that belong to the given documents. They are found from the
 * documents' MENTIONS of their source entities (rows.ts makes sure those exist), so no relationship
 * index is needed — one on r.doc would tempt the planner to seek it inside every MERGE.
 */
export const purgeRelationships = `
MATCH (d:Document)-[:MENTIONS]->(:Entity)-[r]->(:Entity) WHERE d.id IN $docs AND r.doc = d.id
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted`;

export const purgeMentions = `
MATCH (d:Document)-[m:MENTIONS]->() WHERE d.id IN $docs
WITH m LIMIT $limit
DELETE m
RETURN count(*) AS deleted`;

export const deleteDocuments = `
MATCH (d:Document) WHERE d.id IN $docs
DETACH DELETE d
RETURN count(*) AS deleted`;

export const documentState = `
MATCH (d:Document)
RETURN d.id AS id, d.path AS path, coalesce(d.complete, false) AS complete, d.facts AS facts`;

export const allEntityKeys = `MATCH (e:Entity) RETURN e.key AS key, id(e) AS id`;

export const orphanEntityKeys = `MATCH (e:Entity) WHERE NOT (e)--() RETURN e.key AS key`;

export const deleteEntities = `
UNWIND $keys AS key
MATCH (e:Entity {key: key})
DETACH DELETE e
RETURN count(*) AS deleted`;

/** Only the latest load is kept: it is what `last_load` reports. */
export const beginLoad = `
OPTIONAL MATCH (old:Load)
DETACH DELETE old
WITH count(*) AS _
CREATE (l:Load {id: $load, at: datetime(), source: $source, status: 'running'})`;

export const finishLoad = `
MATCH (l:Load {id: $load})
SET l += $summary, l.status = 'complete', l.finished = datetime()`;

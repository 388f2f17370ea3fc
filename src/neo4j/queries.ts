// Named queries: cypher/queries/<name>.cypher, each with a header of `//` comments — the description,
// then one `// @param <name> <string|int|float|bool>[=default]  <what it is>` line a parameter.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import neo4j, { isDateTime, isDate, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isRelationship, isTime } from 'neo4j-driver';
import { ENTITY_TYPES } from '../types.ts';
import { UserError } from '../util/errors.ts';
import type { Connection } from './connection.ts';
import { CYPHER_DIR } from './schema.ts';

export const QUERIES_DIR = join(CYPHER_DIR, 'queries');

/** `entity-type`: one of the entity types, or empty where the query reads empty as "all". */
export type ParamType = 'string' | 'int' | 'float' | 'bool' | 'entity-type';

export interface QueryParam {
  name: string;
  type: ParamType;
  default?: string;
  description: string;
}

export interface NamedQuery {
  name: string;
  description: string;
  params: QueryParam[];
  text: string;
  file: string;
}

const PARAM_LINE = /^@param\s+(\w+)\s+(string|int|float|bool|entity-type)(?:=(\S*))?\s*(.*)$/;

export function parseQuery(file: string, text: string): NamedQuery {
  const description: string[] = [];
  const params: QueryParam[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    const body = line.slice(2).trim();
    if (body.startsWith('@param')) {
      const m = PARAM_LINE.exec(body);
      if (!m) throw new Error(`${file}: cannot read the parameter line "${line}"; write // @param <name> <string|int|float|bool|entity-type>[=default] <description>`);
      params.push({ name: m[1]!, type: m[2] as ParamType, ...(m[3] !== undefined ? { default: m[3] } : {}), description: m[4]! });
    } else if (body) {
      description.push(body);
    }
  }
  return { name: basename(file, '.cypher'), description: description.join(' '), params, text, file };
}

export function listQueries(dir = QUERIES_DIR): NamedQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseQuery(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}

export function findQuery(name: string, dir = QUERIES_DIR): NamedQuery {
  const all = listQueries(dir);
  const query = all.find((q) => q.name === name);
  if (!query) throw new UserError(`no named query "${name}"; \`zhengtu query --list\` shows the ${all.length} there are`);
  return query;
}

/** Turns `k=v` strings into typed parameters, filling defaults; unknown or missing names are user errors. */
export function bindParams(query: NamedQuery, given: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(given)) {
    if (!query.params.some((p) => p.name === name)) {
      throw new UserError(`query ${query.name} has no parameter "${name}" (it takes: ${query.params.map((p) => p.name).join(', ') || 'none'})`);
    }
  }
  for (const p of query.params) {
    const raw = given[p.name] ?? p.default;
    if (raw === undefined) throw new UserError(`query ${query.name} needs --param ${p.name}=<${p.type}> (${p.description})`);
    out[p.name] = coerce(query.name, p, raw);
  }
  return out;
}

function coerce(queryName: string, p: QueryParam, raw: string): unknown {
  const bad = () => new UserError(`query ${queryName}: --param ${p.name}=${raw} is not a ${p.type}`);
  switch (p.type) {
    case 'string':
      return raw;
    case 'int': {
      if (!/^-?\d+$/.test(raw)) throw bad();
      return Number(raw);
    }
    case 'float': {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw bad();
      return n;
    }
    case 'bool':
      if (raw !== 'true' && raw !== 'false') throw bad();
      return raw === 'true';
    case 'entity-type':
      // A type that does not exist would match nothing and print an empty table without a word.
      if (raw !== '' && !(ENTITY_TYPES as readonly string[]).includes(raw)) {
        throw new UserError(`query ${queryName}: --param ${p.name}=${raw} is not an entity type; use one of ${ENTITY_TYPES.join(', ')}${p.default === '' ? ', or leave it empty for all' : ''}`);
      }
      return raw;
  }
}

export async function runQuery({ driver, database }: Connection, query: NamedQuery, params: Record<string, unknown>) {
  const typed = Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      const p = query.params.find((x) => x.name === k);
      return [k, p?.type === 'int' ? intParam(v as number) : v];
    }),
  );
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(query.text, typed));
    return { columns: result.records[0]?.keys.map(String) ?? [], rows: result.records.map((r) => plain(r.toObject()) as Record<string, unknown>) };
  } finally {
    await session.close();
  }
}

/** Integers must reach Cypher as integers (LIMIT refuses floats). */
function intParam(v: number) {
  return neo4j.int(v);
}

/** Driver values → JSON-friendly data: nodes and relationships become their properties, temporals strings. */
export function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (isNode(value as never)) {
    const n = value as unknown as { labels: string[]; properties: Record<string, unknown> };
    return { labels: n.labels, ...(plain(n.properties) as object) };
  }
  if (isRelationship(value as never)) {
    const r = value as unknown as { type: string; properties: Record<string, unknown> };
    return { type: r.type, ...(plain(r.properties) as object) };
  }
  if (isPath(value as never)) {
    const p = value as unknown as { segments: { start: unknown; relationship: unknown; end: unknown }[] };
    return p.segments.map((s) => [plain(s.start), plain(s.relationship), plain(s.end)]);
  }
  const temporal = [isDateTime, isDate, isTime, isLocalDateTime, isLocalTime, isDuration].some((is) => is(value as never));
  if (temporal) return String(value);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

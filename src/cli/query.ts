import type { Command } from 'commander';
import { connect, connectionError } from '../neo4j/connection.ts';
import { bindParams, findQuery, listQueries, runQuery, type NamedQuery } from '../neo4j/queries.ts';
import { formatTable } from '../neo4j/table.ts';
import { UserError } from '../util/errors.ts';

interface QueryFlags {
  param: string[];
  json?: boolean;
  list?: boolean;
  uri?: string;
}

function collectParam(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function register(program: Command): void {
  program
    .command('query')
    .description('run a named Cypher query from cypher/queries against Neo4j (`--list` describes them)')
    .argument('[name]', 'the query name, e.g. policies_targeting_industry')
    .option('-p, --param <k=v>', 'a query parameter (repeatable)', collectParam, [])
    .option('--json', 'print the rows as JSON')
    .option('--list', 'describe every named query and its parameters')
    .option('--uri <uri>', 'Neo4j URI; default NEO4J_URI or bolt://127.0.0.1:7687')
    .action(async (name: string | undefined, flags: QueryFlags) => {
      if (flags.list || !name) {
        process.stdout.write(describeAll(Boolean(flags.json)));
        return;
      }
      const query = findQuery(name);
      const given: Record<string, string> = {};
      for (const kv of flags.param) {
        const eq = kv.indexOf('=');
        if (eq < 1) throw new UserError(`--param ${kv}: write it as name=value`);
        given[kv.slice(0, eq)] = kv.slice(eq + 1);
      }
      const params = bindParams(query, given);
      const conn = await connect({ uri: flags.uri });
      try {
        const { columns, rows } = await runQuery(conn, query, params);
        process.stdout.write(flags.json ? `${JSON.stringify(rows, null, 2)}\n` : formatTable(columns, rows));
      } catch (err) {
        if (err instanceof UserError) throw err;
        const e = connectionError(conn.uri, err);
        if (e instanceof UserError) throw e;
        throw new UserError(queryFailure(query, given, e.message));
      } finally {
        await conn.driver.close();
      }
    });
}

/** One line for a query the server refused: a search it cannot parse says which parameter and how to fix it. */
export function queryFailure(query: NamedQuery, given: Record<string, string>, message: string): string {
  const { name } = query;
  const search = query.params.find((p) => p.type === 'string' && given[p.name] !== undefined);
  if (search && /ParseException|Cannot parse|Lexical error/i.test(message)) {
    return `query ${name}: --param ${search.name}=${given[search.name]} is not a search the full-text index can parse (Lucene syntax: balance brackets and quotes, or escape ( ) [ ] { } : " \\ with a backslash)`;
  }
  return `query ${name} failed: ${message.split('\n')[0]!.slice(0, 300)}`;
}

function describeAll(json: boolean): string {
  const queries = listQueries();
  if (json) return `${JSON.stringify(queries.map(({ name, description, params }) => ({ name, description, params })), null, 2)}\n`;
  const lines: string[] = [];
  for (const q of queries) {
    lines.push(`${q.name}`, `    ${q.description}`);
    for (const p of q.params) {
      const dflt = p.default !== undefined ? ` (default: ${p.default === '' ? "''" : p.default})` : '';
      lines.push(`    --param ${p.name}=<${p.type}>  ${p.description}${dflt}`);
    }
  }
  lines.push('', `${queries.length} queries in cypher/queries; run one with \`zhengtu query <name> --param k=v [--json]\``);
  return `${lines.join('\n')}\n`;
}

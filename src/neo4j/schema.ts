// cypher/schema.cypher: constraints and indexes, every statement IF NOT EXISTS.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Connection } from './connection.ts';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));
export const SCHEMA_FILE = `${CYPHER_DIR}schema.cypher`;

/** Splits a Cypher script into statements: `//` comment lines dropped, statements end with `;` at a line end. */
export function splitStatements(script: string): string[] {
  const body = script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies the schema; returns how many indexes and constraints it added (0 when already there). */
export async function applySchema({ driver, database }: Connection, file = SCHEMA_FILE): Promise<{ added: number; statements: number }> {
  const statements = splitStatements(readFileSync(file, 'utf8'));
  let added = 0;
  const session = driver.session({ database });
  try {
    for (const statement of statements) {
      const result = await session.executeWrite((tx) => tx.run(statement));
      const c = result.summary.counters;
      added += c.updates().indexesAdded + c.updates().constraintsAdded + c.systemUpdates();
    }
    // Full-text and relationship indexes populate in the background; wait so that the first query sees them.
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  return { added, statements: statements.length };
}

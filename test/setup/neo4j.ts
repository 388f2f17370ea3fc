// Vitest global setup: the test run's own Neo4j. It starts the project's recipe (scripts/neo4j) on a free
// port, in a temporary home, with a generated password, and stops it and removes the home afterwards.
// The tests get it through `inject('neo4j')` (test/setup/env.ts puts it into NEO4J_* for the CLI runs),
// so they never reach a server the run did not start — a user's database at NEO4J_URI or on 7687 is
// neither read nor written. The one exception is explicit: ZHENGTU_TEST_NEO4J_URI (with
// ZHENGTU_TEST_NEO4J_PASSWORD, _USER, _DATABASE) names a throw-away database the tests may empty.
//
// The server starts in the background: tests that do not need it run meanwhile, and the Neo4j tests
// wait for it (test/neo4j/helpers.ts). A failed start is written to `startError` for them to report.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GlobalSetupContext } from 'vitest/node';
import { isOurServer, readPid, settingsFromEnv } from '../../scripts/neo4j/runtime.ts';
import { generatePassword, homePaths, startServer, stopPid, type StartedServer } from '../../scripts/neo4j/server.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Where a failed start is described; empty for an explicit throw-away server. */
  startError: string;
  /** True when the run started the server itself. */
  own: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/** A port nobody listens on right now (the kernel's pick), on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup({ provide }: GlobalSetupContext): Promise<() => Promise<void>> {
  const explicit = process.env.ZHENGTU_TEST_NEO4J_URI;
  if (explicit) {
    provide('neo4j', {
      uri: explicit,
      user: process.env.ZHENGTU_TEST_NEO4J_USER ?? 'neo4j',
      password: process.env.ZHENGTU_TEST_NEO4J_PASSWORD ?? '',
      database: process.env.ZHENGTU_TEST_NEO4J_DATABASE,
      startError: '',
      own: false,
    });
    return async () => {};
  }
  const home = mkdtempSync(join(tmpdir(), 'zhengtu-test-neo4j-'));
  const paths = homePaths(home);
  const port = await freePort();
  const password = generatePassword();
  const startError = join(home, 'start-error.txt');
  // Small memory: the tests load graphs of a few thousand nodes, and the machine runs the tests beside it.
  const settings = { ...settingsFromEnv({}), port, heap: '1g', pageCache: '256m', timeout: 240 };
  const quiet = () => {};
  const started: Promise<StartedServer | null> = startServer(settings, paths, password, quiet, { detached: false }).catch((err) => {
    writeFileSync(startError, String(err instanceof Error ? err.message : err));
    return null;
  });
  // Should the run end without its teardown (an error, a signal), the server still goes with it.
  const killOnExit = () => {
    const pid = readPid(paths);
    if (pid && isOurServer(pid)) process.kill(pid, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  provide('neo4j', { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, startError, own: true });
  return async () => {
    const server = await started;
    if (server) await stopPid(server.pid, quiet);
    process.off('exit', killOnExit);
    rmSync(home, { recursive: true, force: true });
  };
}

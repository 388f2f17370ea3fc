// `npm test` touches no database of the user's: with NEO4J_URI and NEO4J_PASSWORD pointing at a Neo4j that
// holds data zhengtu's tests would delete (:Entity, :Document, :Load), a test run — here a nested run of
// the named-query tests, which empty and reload the database — leaves that server exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { settingsFromEnv } from '../../scripts/neo4j/runtime.ts';
import { generatePassword, homePaths, startServer, stopPid, type StartedServer } from '../../scripts/neo4j/server.ts';
import { connect, type Connection } from '../../src/neo4j/connection.ts';
import { freePort } from '../setup/neo4j.ts';
import { cypher } from './helpers.ts';

const USERS_DATA = `
  CREATE (:Entity:Organization {key: 'Organization:用户自己的', name: '用户自己的'}),
         (:Document {id: 'user/own.txt'}), (:Load {id: 'user-load'}), (:Note {text: 'keep me'})`;
const COUNT = 'MATCH (n) RETURN count(n) AS n, collect(DISTINCT labels(n)[0]) AS labels';

describe("a user's Neo4j", () => {
  const home = mkdtempSync(join(tmpdir(), 'zhengtu-users-neo4j-'));
  const password = generatePassword();
  let server: StartedServer;
  let users: Connection;

  beforeAll(async () => {
    const settings = { ...settingsFromEnv({}), port: await freePort(), heap: '512m', pageCache: '64m', timeout: 240 };
    server = await startServer(settings, homePaths(home), password, () => {}, { detached: false });
    users = await connect({ uri: server.uri, password });
    await cypher(users, USERS_DATA);
  });
  afterAll(async () => {
    await users?.driver.close();
    if (server) await stopPid(server.pid, () => {});
    rmSync(home, { recursive: true, force: true });
  });

  it('is left untouched by a test run while NEO4J_URI points at it', async () => {
    const before = await cypher(users, COUNT);
    expect(before[0]!.n).toBe(4);
    const testServer = inject('neo4j');
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/neo4j/queries.test.ts'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        NEO4J_URI: server.uri,
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: password,
        // The nested run borrows this run's throw-away server rather than starting a third one.
        ZHENGTU_TEST_NEO4J_URI: testServer.uri,
        ZHENGTU_TEST_NEO4J_PASSWORD: testServer.password,
      },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-3000)).toBe(0);
    expect(await cypher(users, COUNT)).toEqual(before);
    expect(await cypher(users, "MATCH (e:Entity {key: 'Organization:用户自己的'}) RETURN e.name AS name")).toEqual([{ name: '用户自己的' }]);
  }, 300_000);
});

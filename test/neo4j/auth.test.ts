// Neo4j locked by default: `npm run neo4j:start` (here with its home in a temporary folder and on a free port,
// never the project's .neo4j/ or 7687) turns authentication on, generates a password into the home (mode
// 0600) and says where; load, query and report --neo4j read it from there without NEO4J_PASSWORD.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, connectionSettings } from '../../src/neo4j/connection.ts';
import { freePort } from '../setup/neo4j.ts';
import { FIXTURE_GRAPH } from './helpers.ts';

describe('npm run neo4j:start', () => {
  const home = mkdtempSync(join(tmpdir(), 'zhengtu-bundled-neo4j-'));
  let env: NodeJS.ProcessEnv;
  let started: ReturnType<typeof spawnSync>;
  const script = (command: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/neo4j/neo4j.ts', command], { encoding: 'utf8', env });
  const zhengtu = (...args: string[]) => spawnSync(process.execPath, ['bin/zhengtu.js', ...args], { encoding: 'utf8', env });

  beforeAll(async () => {
    const { NEO4J_PASSWORD: _, ...rest } = process.env;
    env = { ...rest, ZHENGTU_NEO4J_HOME: home, NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' };
    started = script('start');
  });
  afterAll(() => {
    script('stop');
    rmSync(home, { recursive: true, force: true });
  });

  it('generates a password readable by its owner only and says where it is', () => {
    expect(started.status, `${started.stdout}${started.stderr}`).toBe(0);
    const file = join(home, 'password');
    expect(started.stdout).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a client without the password', async () => {
    await expect(connect({ uri: env.NEO4J_URI, password: '' })).rejects.toThrow(/refused the credentials|authentication/i);
    await expect(connect({ uri: env.NEO4J_URI, password: 'neo4j' })).rejects.toThrow(/refused the credentials/);
  });

  it('load, query and report --neo4j find the password in the home folder', () => {
    const load = zhengtu('load', FIXTURE_GRAPH, '--quiet', '--json');
    expect(load.status, load.stderr).toBe(0);
    const query = zhengtu('query', 'top_entities', '--json');
    expect(query.status, query.stderr).toBe(0);
    expect(JSON.parse(query.stdout).length).toBeGreaterThan(0);
    const out = mkdtempSync(join(tmpdir(), 'zhengtu-auth-report-'));
    const report = zhengtu('report', '--neo4j', '--out', out);
    expect(report.status, report.stderr).toBe(0);
  });
});

describe('connection settings', () => {
  const home = mkdtempSync(join(tmpdir(), 'zhengtu-password-'));
  writeFileSync(join(home, 'password'), 'from-the-file\n');
  const env = { ZHENGTU_NEO4J_HOME: home };

  it('take the bundled password for a server on this machine, NEO4J_PASSWORD first', () => {
    expect(connectionSettings({}, env).password).toBe('from-the-file');
    expect(connectionSettings({ uri: 'bolt://localhost:7700' }, env).password).toBe('from-the-file');
    expect(connectionSettings({}, { ...env, NEO4J_PASSWORD: 'mine' }).password).toBe('mine');
  });

  it('never send it to a server elsewhere', () => {
    expect(connectionSettings({ uri: 'neo4j+s://abc.databases.neo4j.io' }, env).password).toBeUndefined();
  });
});

describe('a password that starts with a dash', () => {
  it('is set as the initial password, not read as an option', async () => {
    const home = mkdtempSync(join(tmpdir(), 'zhengtu-dash-neo4j-'));
    const password = '-starts-with-a-dash-密码';
    const { settingsFromEnv } = await import('../../scripts/neo4j/runtime.ts');
    const { homePaths, startServer, stopPid } = await import('../../scripts/neo4j/server.ts');
    const settings = { ...settingsFromEnv({}), port: await freePort(), heap: '512m', pageCache: '64m', timeout: 240 };
    const server = await startServer(settings, homePaths(home), password, () => {}, { detached: false });
    try {
      expect(server.passwordChanged).toBe(false);
      const conn = await connect({ uri: server.uri, password });
      await conn.driver.close();
    } finally {
      await stopPid(server.pid, () => {});
      rmSync(home, { recursive: true, force: true });
    }
  }, 300_000);
});

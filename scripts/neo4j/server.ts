// Starting and stopping one bundled Neo4j server in a home folder of its own, with authentication on
// and a password of its own: used by `npm run neo4j:start` (home `.neo4j/`) and by the test run's
// global setup (a temporary home on a free port), so both run exactly the same recipe.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import neo4j from 'neo4j-driver';
import { classpath, homePaths, isOurServer, javaArgs, writeConf, JVM_FLAGS, type HomePaths, type RuntimeSettings } from './runtime.ts';

export const USER = 'neo4j';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const boltUri = (s: Pick<RuntimeSettings, 'host' | 'port'>): string => `bolt://${s.host}:${s.port}`;

/** A password for a new server: 24 URL-safe characters, nothing a shell or a URI would mangle. */
export const generatePassword = (): string => randomBytes(18).toString('base64url');

/** Writes the password readable by its owner only (mode 0600), even when the file already existed. */
export function writePasswordFile(file: string, password: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function readPasswordFile(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8').trim() || undefined;
}

/** 'up' when Bolt answers a handshake (even if these credentials are refused), else 'down'. */
export async function probe(uri: string, password = ''): Promise<'up' | 'down'> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(USER, password), { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
  try {
    await driver.getServerInfo();
    return 'up';
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    return code.startsWith('Neo.ClientError.Security') ? 'up' : 'down';
  } finally {
    await driver.close();
  }
}

/**
 * A fresh home gets its password before the first start (neo4j-admin's set-initial-password), so the
 * server never answers with the well-known neo4j/neo4j, not even for a moment.
 */
function setInitialPassword(paths: HomePaths, cp: string, password: string): void {
  if (existsSync(join(paths.home, 'data', 'databases', 'system'))) return;
  // `--`: a password may start with '-' (base64url does, one time in 32), which is not an option.
  const run = spawnSync('java', [...JVM_FLAGS, '-cp', cp, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', password], {
    env: { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (run.error) throw new Error(`cannot run java (${run.error.message}); install Java 17`);
  if (run.status !== 0) throw new Error(`neo4j-admin set-initial-password failed (exit ${run.status}): ${`${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-3).join(' ')}`);
}

/**
 * A database made before authentication was on still has neo4j/neo4j (expired): set ours once.
 * Any other refusal means the database was made with another password.
 */
async function ensurePassword(uri: string, password: string, home: string): Promise<'kept' | 'changed'> {
  const tryAs = async (pw: string, statement: string) => {
    const driver = neo4j.driver(uri, neo4j.auth.basic(USER, pw), { maxConnectionPoolSize: 1 });
    const session = driver.session({ database: 'system' });
    try {
      await session.run(statement, { pw: password });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized') return false;
      throw err;
    } finally {
      await session.close();
      await driver.close();
    }
  };
  if (await tryAs(password, 'SHOW CURRENT USER')) return 'kept';
  if (await tryAs('neo4j', "ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $pw")) return 'changed';
  throw new Error(`Neo4j refuses user ${USER} with the password given; the database in ${home} was created with another one (set NEO4J_PASSWORD to it, or remove ${home}/data to start afresh)`);
}

function tail(path: string, lines = 20): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface StartedServer {
  pid: number;
  uri: string;
  passwordChanged: boolean;
}

/**
 * Starts Java on `paths.home` (which must not have a live server) and waits until Bolt accepts `password`.
 * `detached: false` keeps the server in the caller's process group, so a Ctrl+C of the caller stops it too.
 */
export async function startServer(
  s: RuntimeSettings, paths: HomePaths, password: string, log: (line: string) => void, { detached = true } = {},
): Promise<StartedServer> {
  mkdirSync(paths.home, { recursive: true });
  const cp = classpath(log);
  writeConf(s, paths);
  setInitialPassword(paths, cp, password);
  const out = openSync(paths.consoleLog, 'a');
  const child = spawn('java', javaArgs(s, cp, paths), { cwd: paths.home, detached, stdio: ['ignore', out, out] });
  closeSync(out);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err) => reject(new Error(`cannot run java (${err.message}); install Java 17`)));
  });
  writeFileSync(paths.pid, `${child.pid}\n`);
  child.unref();
  log(`starting Neo4j (pid ${child.pid}, heap ${s.heap}, page cache ${s.pageCache}, auth on); log: ${paths.consoleLog}`);
  const changed = await waitForBolt(s, paths, child.pid!, password);
  return { pid: child.pid!, uri: boltUri(s), passwordChanged: changed === 'changed' };
}

export async function waitForBolt(s: RuntimeSettings, paths: HomePaths, pid: number, password: string): Promise<'kept' | 'changed'> {
  const deadline = Date.now() + s.timeout * 1000;
  const uri = boltUri(s);
  while (Date.now() < deadline) {
    if (!isOurServer(pid)) {
      rmSync(paths.pid, { force: true });
      throw new Error(`Neo4j exited during start-up; last lines of ${paths.consoleLog} and ${paths.home}/logs/neo4j.log:\n${tail(paths.consoleLog)}\n${tail(`${paths.home}/logs/neo4j.log`)}`);
    }
    if ((await probe(uri, password)) === 'up') return ensurePassword(uri, password, paths.home);
    await sleep(500);
  }
  await stopPid(pid, () => {});
  throw new Error(`Neo4j did not answer Bolt at ${uri} within ${s.timeout}s (NEO4J_START_TIMEOUT); stopped it. See ${paths.home}/logs/neo4j.log:\n${tail(`${paths.home}/logs/neo4j.log`)}`);
}

/** SIGTERM, then SIGKILL after a minute: only ever for a pid that is our Java server. */
export async function stopPid(pid: number, log: (line: string) => void): Promise<void> {
  if (!isOurServer(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && isOurServer(pid)) await sleep(250);
  if (isOurServer(pid)) {
    log(`pid ${pid} did not stop within 60s; killing it`);
    process.kill(pid, 'SIGKILL');
  }
}

export { homePaths };

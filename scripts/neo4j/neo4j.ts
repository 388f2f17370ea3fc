// `npm run neo4j:start | neo4j:stop | neo4j:status`: a real Neo4j Community server for this project,
// run from Maven Central jars with Java 17, no Docker. Data, logs and pid live in `.neo4j/`.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import {
  CONSOLE_LOG, HOME, PID_FILE, classpath, isOurServer, javaArgs, readPid, settingsFromEnv, writeConf,
  type RuntimeSettings,
} from './runtime.ts';

const log = (line: string) => process.stdout.write(`neo4j: ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function boltUri(s: RuntimeSettings): string {
  return `bolt://${s.host}:${s.port}`;
}

/** 'up' when Bolt answers a handshake (even if our credentials are refused), else 'down'. */
async function probe(s: RuntimeSettings): Promise<'up' | 'down'> {
  const auth = neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '');
  const driver = neo4j.driver(boltUri(s), auth, { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
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

/** With auth on, a fresh database has neo4j/neo4j with an expired password: set NEO4J_PASSWORD once. */
async function ensurePassword(s: RuntimeSettings): Promise<void> {
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD!;
  const tryAs = async (pw: string, statement?: string) => {
    const driver = neo4j.driver(boltUri(s), neo4j.auth.basic(user, pw), { maxConnectionPoolSize: 1 });
    const session = driver.session({ database: 'system' });
    try {
      await session.run(statement ?? 'SHOW CURRENT USER', { pw: password });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized') return false;
      throw err;
    } finally {
      await session.close();
      await driver.close();
    }
  };
  if (await tryAs(password)) return;
  if (user === 'neo4j' && (await tryAs('neo4j', "ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $pw"))) {
    log('set the password of user neo4j from NEO4J_PASSWORD');
    return;
  }
  throw new Error(`Neo4j refuses ${user} with NEO4J_PASSWORD; the database in ${HOME} was created with another password (remove ${HOME}/data to start afresh)`);
}

function tail(path: string, lines = 20): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function start(): Promise<void> {
  const s = settingsFromEnv();
  const pid = readPid();
  if (pid && isOurServer(pid)) {
    if ((await probe(s)) === 'up') {
      log(`already running (pid ${pid}) at ${boltUri(s)}`);
      return;
    }
    log(`pid ${pid} is running but Bolt is not answering yet; waiting`);
    await waitForBolt(s, pid);
    return;
  }
  if ((await probe(s)) === 'up') {
    log(`something else already answers Bolt at ${boltUri(s)}; using it (not started by this script)`);
    return;
  }
  mkdirSync(HOME, { recursive: true });
  const cp = classpath(log);
  writeConf(s);
  const out = openSync(CONSOLE_LOG, 'a');
  const child = spawn('java', javaArgs(s, cp), { cwd: HOME, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err) => reject(new Error(`cannot run java (${err.message}); install Java 17`)));
  });
  writeFileSync(PID_FILE, `${child.pid}\n`);
  child.unref();
  log(`starting Neo4j (pid ${child.pid}, heap ${s.heap}, page cache ${s.pageCache}, auth ${s.auth ? 'on' : 'off'}); log: ${CONSOLE_LOG}`);
  await waitForBolt(s, child.pid!);
}

async function waitForBolt(s: RuntimeSettings, pid: number): Promise<void> {
  const deadline = Date.now() + s.timeout * 1000;
  while (Date.now() < deadline) {
    if (!isOurServer(pid)) {
      rmSync(PID_FILE, { force: true });
      throw new Error(`Neo4j exited during start-up; last lines of ${CONSOLE_LOG} and ${HOME}/logs/neo4j.log:\n${tail(CONSOLE_LOG)}\n${tail(`${HOME}/logs/neo4j.log`)}`);
    }
    if ((await probe(s)) === 'up') {
      if (s.auth) await ensurePassword(s);
      log(`ready at ${boltUri(s)}`);
      return;
    }
    await sleep(500);
  }
  await stopPid(pid);
  throw new Error(`Neo4j did not answer Bolt at ${boltUri(s)} within ${s.timeout}s (NEO4J_START_TIMEOUT); stopped it. See ${HOME}/logs/neo4j.log:\n${tail(`${HOME}/logs/neo4j.log`)}`);
}

async function stopPid(pid: number): Promise<void> {
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

async function stop(): Promise<void> {
  const pid = readPid();
  if (!pid || !isOurServer(pid)) {
    rmSync(PID_FILE, { force: true });
    log('not running');
    return;
  }
  await stopPid(pid);
  rmSync(PID_FILE, { force: true });
  log(`stopped (pid ${pid})`);
}

async function status(): Promise<void> {
  const s = settingsFromEnv();
  const pid = readPid();
  const ours = pid !== null && isOurServer(pid);
  const bolt = await probe(s);
  if (ours) log(`running (pid ${pid}), Bolt ${bolt} at ${boltUri(s)}; data and logs in ${HOME}`);
  else if (bolt === 'up') log(`not started by this script, but Bolt answers at ${boltUri(s)}`);
  else log(`not running (start it with \`npm run neo4j:start\`)`);
  process.exitCode = bolt === 'up' ? 0 : 3;
}

const commands: Record<string, () => Promise<void>> = { start, stop, status };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  process.stderr.write('usage: node --import tsx scripts/neo4j/neo4j.ts start|stop|status\n');
  process.exit(2);
}
try {
  await command();
} catch (err) {
  process.stderr.write(`neo4j: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

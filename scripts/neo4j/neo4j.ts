// `npm run neo4j:start | neo4j:stop | neo4j:status`: a real Neo4j Community server for this project,
// run from Maven Central jars with Java 17, no Docker. Data, logs, pid and the
// generated password (mode 0600) live in `.neo4j/`; authentication is always on.
import { rmSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { HOME, homePaths, isOurServer, readPid, settingsFromEnv } from './runtime.ts';
import {
  boltUri, generatePassword, probe, readPasswordFile, startServer, stopPid, waitForBolt, writePasswordFile,
} from './server.ts';

const log = (line: string) => process.stdout.write(`neo4j: ${line}\n`);
const paths = homePaths(HOME);
/** A path as the user can use it from here: relative inside the working directory, else absolute. */
const shown = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
};

/**
 * The password of user neo4j: NEO4J_PASSWORD when set (the user's own, never written down), else the one
 * generated into .neo4j/password on the first start, which zhengtu's commands read from there.
 */
function password(): { password: string; source: string } {
  if (process.env.NEO4J_PASSWORD) return { password: process.env.NEO4J_PASSWORD, source: 'NEO4J_PASSWORD' };
  const saved = readPasswordFile(paths.password);
  if (saved) return { password: saved, source: shown(paths.password) };
  const generated = generatePassword();
  writePasswordFile(paths.password, generated);
  return { password: generated, source: `${shown(paths.password)} (generated now)` };
}

async function start(): Promise<void> {
  const s = settingsFromEnv();
  const pid = readPid(paths);
  const ours = pid !== null && isOurServer(pid);
  if (!ours && (await probe(boltUri(s))) === 'up') {
    throw new Error(`something else already answers Bolt at ${boltUri(s)} (not started by this script, so it is neither used nor touched); stop it, or run the bundled server on another port with NEO4J_URI=bolt://127.0.0.1:<port>`);
  }
  const pw = password();
  if (ours) {
    log(`already running (pid ${pid}) at ${boltUri(s)}; waiting until it answers`);
    await waitForBolt(s, paths, pid, pw.password);
  } else {
    const started = await startServer(s, paths, pw.password, log);
    if (started.passwordChanged) log('the database had the initial password neo4j; set it to the one below');
  }
  log(`ready at ${boltUri(s)}, authentication on; the password of user neo4j is in ${pw.source}`);
}

async function stop(): Promise<void> {
  const pid = readPid(paths);
  if (!pid || !isOurServer(pid)) {
    rmSync(paths.pid, { force: true });
    log('not running');
    return;
  }
  await stopPid(pid, log);
  rmSync(paths.pid, { force: true });
  log(`stopped (pid ${pid})`);
}

async function status(): Promise<void> {
  const s = settingsFromEnv();
  const pid = readPid(paths);
  const ours = pid !== null && isOurServer(pid);
  const bolt = await probe(boltUri(s));
  if (ours) log(`running (pid ${pid}), Bolt ${bolt} at ${boltUri(s)}; data and logs in ${HOME}, password in ${paths.password}`);
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

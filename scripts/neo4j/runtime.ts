// Where the bundled Neo4j lives and how it is configured: jars from Maven Central (cached in ~/.m2),
// data, logs, pid, password and neo4j.conf under one home folder — the project's git-ignored `.neo4j/` for
// `npm run neo4j:start`, a temporary folder for the test run's own server (test/setup/neo4j.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
export const PROJECT_DIR = resolve(SCRIPT_DIR, '..', '..');
/** The bundled server's home; ZHENGTU_NEO4J_HOME moves it (src/neo4j/connection.ts reads the same variable). */
export const HOME = process.env.ZHENGTU_NEO4J_HOME || join(PROJECT_DIR, '.neo4j');
export const POM = join(SCRIPT_DIR, 'pom.xml');
// The classpath is a cache of what Maven resolved, shared by every home (the test servers' too).
const CACHE_DIR = join(PROJECT_DIR, '.neo4j');
const CLASSPATH_FILE = join(CACHE_DIR, 'classpath.txt');

/** The files of one server's home folder. */
export function homePaths(home: string) {
  return {
    home,
    conf: join(home, 'conf'),
    pid: join(home, 'neo4j.pid'),
    consoleLog: join(home, 'neo4j.log'),
    /** The generated password of user neo4j, mode 0600. */
    password: join(home, 'password'),
  };
}
export type HomePaths = ReturnType<typeof homePaths>;

export const MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';

/** Java 17 needs these for Neo4j 5's off-heap buffers and Netty. */
export const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export interface RuntimeSettings {
  host: string;
  port: number;
  heap: string;
  pageCache: string;
  /** Seconds `start` waits for Bolt to answer. */
  timeout: number;
}

/** The bundled server listens where the client looks: NEO4J_URI when it points at this machine, else 127.0.0.1:7687. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeSettings {
  let port = 7687;
  if (env.NEO4J_URI) {
    try {
      const url = new URL(env.NEO4J_URI);
      if (['127.0.0.1', 'localhost'].includes(url.hostname) && url.port) port = Number(url.port);
    } catch {
      // A malformed NEO4J_URI is the client's problem to report; the server keeps its default.
    }
  }
  return {
    host: '127.0.0.1',
    port,
    // 6 GB together (plus the JVM's own ~1 GB): room for a bulk load of a million relationships
    // without constant young-generation collections (heap) or evictions (the store is ~0.8 GB then).
    heap: env.NEO4J_HEAP ?? '4g',
    pageCache: env.NEO4J_PAGECACHE ?? '2g',
    timeout: Number(env.NEO4J_START_TIMEOUT ?? 120),
  };
}

export function neo4jConf(s: RuntimeSettings): string {
  return [
    '# Written by scripts/neo4j/runtime.ts on every start; edit NEO4J_* variables instead.',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=${s.host}:${s.port}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    // Always on: any web page in the user's browser can open Bolt over WebSocket to 127.0.0.1.
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    `server.memory.pagecache.size=${s.pageCache}`,
    // Keep transaction logs small on disk: a benchmark load writes gigabytes of them otherwise.
    'db.tx_log.rotation.retention_policy=2 files',
    'db.tx_log.rotation.size=64M',
    'server.directories.data=data',
    'server.directories.logs=logs',
    'server.directories.run=run',
    '',
  ].join('\n');
}

export function writeConf(s: RuntimeSettings, paths: HomePaths = homePaths(HOME)): void {
  mkdirSync(paths.conf, { recursive: true });
  writeFileSync(join(paths.conf, 'neo4j.conf'), neo4jConf(s));
}

/**
 * The server's classpath. Maven resolves it once (downloading into ~/.m2 on a fresh machine);
 * later starts reuse the list as long as the pom is unchanged and every jar is still there.
 */
export function classpath(log: (line: string) => void): string {
  const pomHash = createHash('sha256').update(readFileSync(POM)).digest('hex').slice(0, 16);
  if (existsSync(CLASSPATH_FILE)) {
    const [hash, cp] = readFileSync(CLASSPATH_FILE, 'utf8').split('\n');
    if (hash === pomHash && cp && cp.split(':').every((jar) => existsSync(jar))) return cp;
  }
  log('resolving Neo4j from Maven Central into ~/.m2 (first start only) …');
  mkdirSync(CACHE_DIR, { recursive: true });
  const out = join(CACHE_DIR, 'classpath.mvn.txt');
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${out}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (mvn.error) throw new Error(`cannot run mvn (${mvn.error.message}); install Maven and Java 17`);
  if (mvn.status !== 0) {
    const tail = `${mvn.stdout}\n${mvn.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`mvn could not resolve Neo4j (exit ${mvn.status}) from ${POM}:\n${tail}`);
  }
  const cp = readFileSync(out, 'utf8').trim();
  writeFileSync(CLASSPATH_FILE, `${pomHash}\n${cp}\n`);
  return cp;
}

export function javaArgs(s: RuntimeSettings, cp: string, paths: HomePaths = homePaths(HOME)): string[] {
  return [
    `-Xms${s.heap}`,
    `-Xmx${s.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    ...JVM_FLAGS,
    '-Dfile.encoding=UTF-8',
    '-cp',
    cp,
    MAIN_CLASS,
    `--home-dir=${paths.home}`,
    `--config-dir=${paths.conf}`,
  ];
}

export function readPid(paths: HomePaths = homePaths(HOME)): number | null {
  if (!existsSync(paths.pid)) return null;
  const pid = Number(readFileSync(paths.pid, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** True when `pid` is alive and is our Java server, not a recycled pid. */
export function isOurServer(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}

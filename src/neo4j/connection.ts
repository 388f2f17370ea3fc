// Where Neo4j is and how to reach it: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, or options.
// bolt://, neo4j:// and their +s / +ssc forms all go through the official driver.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { UserError, errorMessage } from '../util/errors.ts';

export const DEFAULT_URI = 'bolt://127.0.0.1:7687';

export interface ConnectionOptions {
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
}

export interface Connection {
  driver: Driver;
  uri: string;
  database: string | undefined;
}

/** Where `npm run neo4j:start` keeps the bundled server, its data and its generated password. */
export function bundledHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.ZHENGTU_NEO4J_HOME || fileURLToPath(new URL('../../.neo4j', import.meta.url));
}

export const bundledPasswordFile = (env: NodeJS.ProcessEnv = process.env): string => join(bundledHome(env), 'password');

/**
 * The bundled server's generated password, for a URI on this machine only: it is never sent to a
 * server elsewhere (Aura, a cluster) that happens to be reached without NEO4J_PASSWORD.
 */
function bundledPassword(uri: string, env: NodeJS.ProcessEnv): string | undefined {
  let host: string;
  try {
    host = new URL(uri).hostname;
  } catch {
    return undefined;
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) return undefined;
  try {
    return readFileSync(bundledPasswordFile(env), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function connectionSettings(options: ConnectionOptions = {}, env: NodeJS.ProcessEnv = process.env) {
  const uri = options.uri ?? env.NEO4J_URI ?? DEFAULT_URI;
  return {
    uri,
    user: options.user ?? env.NEO4J_USER ?? 'neo4j',
    password: options.password ?? env.NEO4J_PASSWORD ?? bundledPassword(uri, env),
    database: options.database ?? env.NEO4J_DATABASE,
  };
}

const WHAT_TO_DO =
  'start the bundled server with `npm run neo4j:start`, or point NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) at your own Neo4j';

/** Opens a driver and checks that the server answers and accepts us; every failure is one clear line. */
export async function connect(options: ConnectionOptions = {}): Promise<Connection> {
  const { uri, user, password, database } = connectionSettings(options);
  let driver: Driver;
  try {
    driver = neo4j.driver(uri, password ? neo4j.auth.basic(user, password) : undefined, {
      connectionTimeout: 10_000,
      // Managed transactions retry transient failures (a restarting server) for this long.
      maxTransactionRetryTime: 60_000,
      disableLosslessIntegers: true,
      userAgent: 'zhengtu',
    });
  } catch (err) {
    throw new UserError(`NEO4J_URI ${uri} is not a Neo4j URI (${errorMessage(err)}); use bolt://host:7687 or neo4j+s://host`);
  }
  try {
    await driver.getServerInfo({ database });
  } catch (err) {
    await driver.close();
    throw connectionError(uri, err);
  }
  return { driver, uri, database };
}

function code(err: unknown): string {
  return (err as { code?: string })?.code ?? '';
}

export function isConnectionLost(err: unknown): boolean {
  return ['ServiceUnavailable', 'SessionExpired'].includes(code(err));
}

/** Maps a driver failure to what the user should do about it. */
export function connectionError(uri: string, err: unknown): Error {
  const c = code(err);
  if (c === 'Neo.ClientError.Security.Unauthorized' || c === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new UserError(`Neo4j at ${uri} refused the credentials of ${process.env.NEO4J_USER ?? 'neo4j'} (${errorMessage(err)}); set NEO4J_USER and NEO4J_PASSWORD (the bundled server's password is in ${bundledPasswordFile()})`);
  }
  if (c === 'Neo.ClientError.Security.CredentialsExpired') {
    return new UserError(`Neo4j at ${uri} wants its initial password changed; run \`npm run neo4j:start\`, which sets one (or change it in your Neo4j)`);
  }
  if (c === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new UserError(`Neo4j at ${uri} has no database ${process.env.NEO4J_DATABASE ?? ''} (${errorMessage(err)}); set NEO4J_DATABASE to an existing one`);
  }
  if (isConnectionLost(err) || !c) {
    return new UserError(`cannot reach Neo4j at ${uri} (${firstLine(errorMessage(err))}); ${WHAT_TO_DO}`);
  }
  return err instanceof Error ? err : new Error(String(err));
}

export function lostDuringLoad(uri: string, err: unknown): UserError {
  return new UserError(
    `lost Neo4j at ${uri} during the load (${firstLine(errorMessage(err))}); every batch is all-or-nothing and unfinished documents are redone, so run the same \`zhengtu load\` again once the server is back (\`npm run neo4j:start\`)`,
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}

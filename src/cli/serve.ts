import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../util/errors.ts';
import { randomBytes } from 'node:crypto';
import { connectionSettings } from '../neo4j/connection.ts';
import { serveDirectory, writeViewer } from '../viewer/index.ts';
import type { LiveConnection } from '../viewer/server.ts';

export const DEFAULT_PORT = 8765;

/**
 * Live mode's Neo4j, as `load` and `query` reach it (NEO4J_* or the bundled server's password file). The page
 * gets it only with a token printed here, so another user of the machine cannot read the password off the port.
 */
function liveConnection(): LiveConnection | undefined {
  const { uri, user, password } = connectionSettings();
  if (!password) return undefined;
  return { uri, user, password, token: randomBytes(16).toString('hex') };
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve a build folder (the viewer and graph.json) on http://127.0.0.1')
    .argument('<dir>', 'folder written by `zhengtu build --out <dir>`')
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', String(DEFAULT_PORT))
    .action(async (dir: string, opts: { port: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${opts.port}: not a port number (0–65535)`);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${dir}: no such folder; run \`zhengtu build <inputs> --out ${dir}\` first`);
      if (!existsSync(join(dir, 'graph.json'))) throw new UserError(`${join(dir, 'graph.json')}: missing; run \`zhengtu build <inputs> --out ${dir}\` first`);
      if (!existsSync(join(dir, 'index.html'))) {
        writeViewer(dir);
        process.stdout.write(`wrote the viewer to ${dir}\n`);
      }
      const live = liveConnection();
      const served = await serveDirectory(dir, { port, live });
      process.stdout.write(`serving ${dir} at ${served.url} (Ctrl+C to stop)\n`);
      if (live) process.stdout.write(`live mode with ${live.uri} filled in: ${served.url}?live=${live.token}\n`);
      const stop = () => void served.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

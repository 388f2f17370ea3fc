import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../util/errors.ts';
import { serveDirectory, writeViewer } from '../viewer/index.ts';

export const DEFAULT_PORT = 8765;

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
      const served = await serveDirectory(dir, { port });
      process.stdout.write(`serving ${dir} at ${served.url} (Ctrl+C to stop)\n`);
      const stop = () => void served.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

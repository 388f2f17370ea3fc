// Puts the built viewer (viz/dist) next to graph.json, building it with Vite first when the
// build is missing or older than its sources.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { UserError, errorMessage } from '../util/errors.ts';

export const VIZ_DIR = fileURLToPath(new URL('../../viz/', import.meta.url));
export const VIZ_DIST = join(VIZ_DIR, 'dist');

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, name)));
  return newest;
}

/** The sources the viewer is built from: its own folder (less dist) and the shared types. */
function sourcesMtime(): number {
  const sources = [join(VIZ_DIR, 'index.html'), join(VIZ_DIR, 'vite.config.ts'), join(VIZ_DIR, 'src'), fileURLToPath(new URL('../types.ts', import.meta.url))];
  return Math.max(...sources.filter(existsSync).map(newestSource));
}

export function viewerIsStale(): boolean {
  const built = join(VIZ_DIST, 'index.html');
  if (!existsSync(built)) return true;
  if (!existsSync(join(VIZ_DIR, 'src'))) return false;
  return sourcesMtime() > statSync(built).mtimeMs;
}

/** Runs `vite build` for viz/ (synchronously: callers are CLI steps). */
export function buildViewer(): void {
  const vite = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js');
  try {
    execFileSync(process.execPath, [vite, 'build', '--config', join(VIZ_DIR, 'vite.config.ts'), '--logLevel', 'error'], {
      cwd: VIZ_DIR,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0] ?? errorMessage(err);
    throw new UserError(`building the viewer failed (${stderr}); run \`npm run build:viewer\` to see the whole error`);
  }
}

/**
 * Copies the viewer (index.html and assets/) into `outDir`, next to graph.json. index.html is
 * written last, so an interrupted copy leaves the previous viewer working.
 */
export function writeViewer(outDir: string): void {
  if (viewerIsStale()) {
    if (!existsSync(join(VIZ_DIR, 'src'))) throw new UserError(`${VIZ_DIST}: the viewer is not built and its sources are missing; reinstall zhengtu`);
    buildViewer();
  }
  mkdirSync(outDir, { recursive: true });
  const assets = join(outDir, 'assets');
  const staging = join(outDir, `.assets-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  cpSync(join(VIZ_DIST, 'assets'), staging, { recursive: true });
  rmSync(assets, { recursive: true, force: true });
  renameSync(staging, assets);
  const tmp = join(outDir, `.index-${process.pid}.html`);
  cpSync(join(VIZ_DIST, 'index.html'), tmp);
  renameSync(tmp, join(outDir, 'index.html'));
}

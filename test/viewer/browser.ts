// Shared by the viewer tests and bench: a folder with the built viewer and a graph, a static
// server over it, and real headless Chromium (software WebGL) driven by playwright-core.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/chromium.ts';
import { writeViewer } from '../../src/viewer/index.ts';
import { serveDirectory, type LiveConnection, type StaticServer } from '../../src/viewer/server.ts';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return launchBrowser(CHROMIUM_ARGS);
}

/** A fresh folder holding the viewer and `graphJSON` as graph.json, served on 127.0.0.1. */
export async function serveViewer(graphJSON: string, prefix = 'zhengtu-viewer-', live?: LiveConnection): Promise<StaticServer & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeViewer(dir);
  writeFileSync(join(dir, 'graph.json'), graphJSON);
  return { ...(await serveDirectory(dir, { live })), dir };
}

/** Opens the viewer and waits until its first render is on screen. */
export async function openViewer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 180_000 });
}

/** Console errors and uncaught exceptions of a page, collected as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

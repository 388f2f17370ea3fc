// Which Chromium the browser tests drive: CHROMIUM_PATH when set, else the system's (Debian's chromium or
// a Chrome), else the headless build shipped inside the @sparticuz/chromium npm package — so `npm test`
// needs no system package. The packaged one unpacks itself into the temp folder on first use (≈ 3 s).
import { accessSync, constants, statSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** A regular, executable, non-empty file (a path hidden by a bind mount of /dev/null is none of these). */
function runnable(path: string): boolean {
  try {
    const stat = statSync(path);
    accessSync(path, constants.X_OK);
    return stat.isFile() && stat.size > 0;
  } catch {
    return false;
  }
}

let packaged: Promise<string> | undefined;

export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const system = SYSTEM_CHROMIUMS.find(runnable);
  if (system) return system;
  packaged ??= import('@sparticuz/chromium').then((m) => m.default.executablePath());
  return packaged;
}

export async function launchBrowser(args: string[], options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ ...options, executablePath: await chromiumPath(), args });
}

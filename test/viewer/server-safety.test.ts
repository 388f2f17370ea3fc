// `zhengtu serve` cannot be crashed and serves nothing outside its folder: paths that make the file system
// throw (a file used as a folder, a name too long), symlinks leading out, and a few thousand odd paths
// sent as raw bytes to the real CLI process, which must still be alive and answering afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect as tcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory, writeViewer } from '../../src/viewer/index.ts';
import { VIEWER_TEST_GRAPH } from './graph-source.ts';

/** Sends one request as raw bytes (no client-side URL checks) and returns the status code, or 0 for none. */
function rawStatus(port: number, path: string, host = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((resolve) => {
    const socket = tcp(port, '127.0.0.1');
    let reply = '';
    socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1'));
    socket.on('data', (d) => { reply += d.toString('latin1'); });
    socket.on('error', () => {});
    socket.on('close', () => resolve(Number(reply.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0)));
  });
}

/** A seeded stream of odd paths: traversal, escapes (good and broken), NULs, long names, files as folders. */
function oddPaths(count: number): string[] {
  let seed = 15;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const parts = ['..', '.', 'index.html', 'graph.json', 'assets', '%2e%2e', '%2f', '%00', '%', '%zz', '%E6%94%BF', '~', '//', '\\', 'x'.repeat(300), '%ff%fe', '?a=1', '#h', ';', '%252e', 'link-out', 'dir-out', 'link-in.json', 'a b', '"', "'", '<>', '@', ':', '*'];
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + next(8);
    let p = '';
    for (let j = 0; j < n; j++) p += `/${parts[next(parts.length)]}`;
    if (next(10) === 0) p = `/${'a/'.repeat(next(6000))}`;
    paths.push(p.replace(/ /g, '%20'));
  }
  return paths;
}

describe('zhengtu serve under odd requests', () => {
  let dir: string;
  let child: ChildProcess;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhengtu-serve-safety-'));
    writeViewer(dir);
    copyFileSync(VIEWER_TEST_GRAPH, join(dir, 'graph.json'));
    const outside = mkdtempSync(join(tmpdir(), 'zhengtu-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'not for the web\n');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'link-out'));
    symlinkSync(outside, join(dir, 'dir-out'));
    symlinkSync(join(dir, 'graph.json'), join(dir, 'link-in.json'));
    mkdirSync(join(dir, 'sub'));
    child = spawn(process.execPath, ['bin/zhengtu.js', 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
        if (match) resolve(Number(match[1]));
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
  });
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('answers 404 or 400 where resolving the path fails, and keeps running', async () => {
    expect(await rawStatus(port, '/index.html/x')).toBe(404);
    expect(await rawStatus(port, '/graph.json/index.html')).toBe(404);
    expect([400, 404, 414]).toContain(await rawStatus(port, `/${'x'.repeat(10_000)}`));
    expect([400, 404, 414, 431]).toContain(await rawStatus(port, `/${'长'.repeat(3000)}`.replace(/长/g, '%E9%95%BF')));
    expect(await rawStatus(port, '/%E0%A4%A')).toBe(400);
    expect(await rawStatus(port, '/a%00b')).toBe(400);
    expect(await rawStatus(port, '/graph.json')).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it('serves no symlink that leads out of the folder, and those that stay inside', async () => {
    expect(await rawStatus(port, '/link-out')).toBe(404);
    expect(await rawStatus(port, '/dir-out/secret.txt')).toBe(404);
    expect(await rawStatus(port, '/dir-out/')).toBe(404);
    expect(await rawStatus(port, '/link-in.json')).toBe(200);
  });

  it('still answers after 3,000 odd paths', async () => {
    const statuses = new Map<number, number>();
    for (const path of oddPaths(3000)) {
      const status = await rawStatus(port, path);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status, path.slice(0, 200)).not.toBe(0);
      expect(status, path.slice(0, 200)).not.toBe(500);
    }
    expect(child.exitCode).toBeNull();
    expect(await rawStatus(port, '/')).toBe(200);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});

describe('live mode connection', () => {
  it('is given only with the token, to a page on 127.0.0.1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengtu-serve-live-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const live = { uri: 'bolt://127.0.0.1:7999', user: 'neo4j', password: 'pw-1', token: 'tok' };
    const served = await serveDirectory(dir, { live });
    try {
      const good = await fetch(`${served.url}.zhengtu/live.json?token=tok`);
      expect(good.status).toBe(200);
      expect(good.headers.get('cache-control')).toBe('no-store');
      expect(await good.json()).toEqual({ uri: 'bolt://127.0.0.1:7999', user: 'neo4j', password: 'pw-1' });
      expect((await fetch(`${served.url}.zhengtu/live.json`)).status).toBe(404);
      expect((await fetch(`${served.url}.zhengtu/live.json?token=other`)).status).toBe(404);
      // A rebound DNS name reaching this port sends its own Host.
      expect(await rawStatus(served.port, '/.zhengtu/live.json?token=tok', `evil.example:${served.port}`)).toBe(404);
    } finally {
      await served.close();
    }
  });
});

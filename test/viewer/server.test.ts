// writeViewer and the static server / `zhengtu serve`, over real files and real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { resolveRequestPath, serveDirectory, writeViewer, type StaticServer } from '../../src/viewer/index.ts';
import { VIEWER_TEST_GRAPH } from './graph-source.ts';

let dir: string;
let served: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhengtu-serve-'));
  writeFileSync(join(dir, 'assets'), 'a stale file where the assets folder goes');
  writeViewer(dir);
  copyFileSync(VIEWER_TEST_GRAPH, join(dir, 'graph.json'));
  served = await serveDirectory(dir);
});

afterAll(async () => {
  await served?.close();
});

describe('writeViewer', () => {
  it('writes index.html with relative asset paths and the assets it names', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) expect(existsSync(join(dir, asset))).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('rewriting leaves exactly one copy of the assets', () => {
    const before = readdirSync(join(dir, 'assets')).sort();
    writeViewer(dir);
    expect(readdirSync(join(dir, 'assets')).sort()).toEqual(before);
  });
});

describe('static server', () => {
  it('serves index.html, assets and graph.json with their content types', async () => {
    const index = await fetch(served.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    const html = await index.text();
    const script = html.match(/src="\.\/(assets\/[^"]+\.js)"/)![1]!;
    const js = await fetch(new URL(script, served.url));
    expect(js.headers.get('content-type')).toContain('javascript');
    const graph = await fetch(new URL('graph.json', served.url));
    expect(graph.headers.get('content-type')).toContain('application/json');
    expect((await graph.json()).nodes.length).toBeGreaterThan(0);
  });

  it('answers 404 for missing files and never leaves its folder', async () => {
    expect((await fetch(new URL('nope.json', served.url))).status).toBe(404);
    expect((await fetch(`${served.url}..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    expect(resolveRequestPath('/srv/out', '/../etc/passwd')).toBeNull();
    expect(resolveRequestPath('/srv/out', '/assets/%E6%94%BF.js')).toBe('/srv/out/assets/政.js');
    expect(resolveRequestPath('/srv/out', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveRequestPath('/srv/out', '/a%00b')).toBeNull();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(served.url.startsWith('http://127.0.0.1:')).toBe(true);
    const address = served.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });
});

describe('zhengtu serve', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['bin/zhengtu.js', ...args], { encoding: 'utf8' });

  it('prints the URL it serves the folder on', async () => {
    const child = spawn(process.execPath, ['bin/zhengtu.js', 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
          if (match) resolve(match[0]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const graph = await fetch(new URL('graph.json', url));
      expect(graph.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('says what to do when the folder has no graph.json', () => {
    const empty = mkdtempSync(join(tmpdir(), 'zhengtu-empty-'));
    const result = cli(['serve', empty]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/graph\.json: missing; run `zhengtu build/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says so when the port is taken', () => {
    const result = cli(['serve', dir, '--port', String(served.port)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`port ${served.port}`);
    expect(result.stderr).toContain('--port');
  });
});

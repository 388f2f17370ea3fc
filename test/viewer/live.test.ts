// Live mode against the real Neo4j server: the seed graph is loaded with `zhengtu load`, the viewer
// (opened on a graph.json that lacks those entities) fetches an entity's neighbourhood over
// Bolt/WebSocket with neo4j-driver's browser build, and shows it with its evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { collectErrors, launchChromium, openViewer, serveViewer } from './browser.ts';
import { seedGraphPath } from '../helpers/seed-graph.ts';
import { neo4jForTests } from '../neo4j/helpers.ts';
import type { StaticServer } from '../../src/viewer/server.ts';

const conn = await neo4jForTests();
const BOLT = conn.uri;
const LIVE_TOKEN = 'a-token-of-this-serve';

/** A graph.json with one entity of its own, so that whatever live mode shows came from Neo4j. */
const LOCAL_GRAPH = JSON.stringify({
  options: { type: 'directed', multi: true, allowSelfLoops: false },
  attributes: { documents: [], builtAt: '2026-01-01T00:00:00.000Z', generator: 'test' },
  nodes: [{ key: 'Place:本地', attributes: { type: 'Place', name: '本地', aliases: [], mentions: [], docs: [], confidence: 1 } }],
  edges: [],
});

describe('viewer live mode', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    execFileSync(process.execPath, ['bin/zhengtu.js', 'load', seedGraphPath(), '--uri', BOLT, '--yes'], { stdio: 'pipe' });
    server = await serveViewer(LOCAL_GRAPH, 'zhengtu-live-', { uri: BOLT, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD!, token: LIVE_TOKEN });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await conn?.driver.close();
  });

  it('loads an entity’s neighbourhood from Neo4j and keeps the password out of the URL', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await openViewer(page, server.url);
    await page.click('#live-toggle');
    await page.fill('#live input[name=uri]', BOLT);
    await page.fill('#live input[name=user]', process.env.NEO4J_USER ?? 'neo4j');
    await page.fill('#live input[name=password]', process.env.NEO4J_PASSWORD ?? 'secret-不在链接里');
    await page.fill('#live input[name=term]', '氢进万家');
    await page.click('#live button[type=submit]');
    await page.waitForFunction(() => /loaded \d+ nodes/.test(document.querySelector('#live .live-status')?.textContent ?? ''), null, { timeout: 60_000 });
    const panel = await page.textContent('#panel');
    expect(panel).toContain('氢进万家示范工程');
    expect(panel).toContain('国家燃料电池技术创新中心');
    expect(panel).toContain('率先落地');
    expect(page.url()).not.toContain('secret');
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain('secret');
    expect(errors).toEqual([]);
    await page.evaluate(() => (window as unknown as { __zhengtu: { kill(): void } }).__zhengtu.kill());
    await page.close();
  });

  it('opened with the token `zhengtu serve` prints, fills in the connection and drops the token from the URL', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await openViewer(page, `${server.url}?live=${LIVE_TOKEN}`);
    await page.click('#live-toggle');
    await page.waitForFunction(() => (document.querySelector('#live input[name=password]') as HTMLInputElement | null)?.value !== '', null, { timeout: 30_000 });
    expect(await page.inputValue('#live input[name=uri]')).toBe(BOLT);
    expect(await page.inputValue('#live input[name=password]')).toBe(process.env.NEO4J_PASSWORD);
    expect(page.url()).not.toContain(LIVE_TOKEN);
    await page.fill('#live input[name=term]', '氢进万家');
    await page.click('#live button[type=submit]');
    await page.waitForFunction(() => /loaded \d+ nodes/.test(document.querySelector('#live .live-status')?.textContent ?? ''), null, { timeout: 60_000 });
    expect(errors).toEqual([]);
    await page.evaluate(() => (window as unknown as { __zhengtu: { kill(): void } }).__zhengtu.kill());
    await page.close();
  });
});

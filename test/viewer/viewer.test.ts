// The built viewer in real headless Chromium (software WebGL), on the graph from graph-source.ts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { readGraph } from '../../src/graph/io.ts';
import { syntheticGraph } from '../../src/graph/synthetic.ts';
import { collectErrors, launchChromium, openViewer, serveViewer } from './browser.ts';
import { countPixels } from './pixels.ts';
import { SCENARIO, VIEWER_TEST_GRAPH } from './graph-source.ts';

const SHOTS = 'test-output/viewer';
const BACKGROUND = '#14161b';
const INDUSTRY_GREEN = '#5cc98b';
const DIMMED = '#2c313a';

/** The test graph, with the hostile name added when the graph does not have it. */
function graphWithHostileName(): string {
  const graph = readGraph(VIEWER_TEST_GRAPH);
  const hostile = graph.findNode((_, a) => a.name === SCENARIO.hostileName);
  if (!hostile) {
    const anchor = graph.findNode((_, a) => a.name === SCENARIO.neighbourName)!;
    graph.addNode(`Organization:${SCENARIO.hostileName}`, { type: 'Organization', name: SCENARIO.hostileName, aliases: [], mentions: [], docs: [], confidence: 0.5 });
    graph.addEdge(`Organization:${SCENARIO.hostileName}`, anchor, { type: 'COOPERATES_WITH', weight: 1, confidence: 0.5, evidence: [{ doc: 'x', sentence: '<b>不应加粗</b><script>window.__pwned = 1</script>', start: 0, end: 1 }] });
  }
  return JSON.stringify(graph.export());
}

let browser: Browser;
let served: Awaited<ReturnType<typeof serveViewer>>;
let page: Page;
let errors: string[];
let dialogs: string[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  served = await serveViewer(graphWithHostileName());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  errors = collectErrors(page);
  dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
});

afterEach(async () => {
  // One sigma instance per scenario: kill it before the page goes.
  await page.evaluate(() => (window as any).__zhengtu?.kill()).catch(() => undefined);
  await page.close();
  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);
});

const keyOf = (name: string) => page.evaluate((n) => (window as any).__zhengtu.viewer.store.nodes.find((x: any) => x.attributes.name === n)?.key as string, name);
const state = () => page.evaluate(() => (window as any).__zhengtu.state());

/** Where a node is drawn, in page coordinates. */
async function nodePosition(key: string): Promise<{ x: number; y: number }> {
  return page.evaluate((k) => {
    const r = (window as any).__zhengtu.viewer.renderer;
    const p = r.framedGraphToViewport(r.getNodeDisplayData(k));
    const rect = document.getElementById('graph')!.getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, key);
}

async function graphShot(name: string): Promise<Buffer> {
  await page.waitForTimeout(400); // let camera animations settle
  await page.screenshot({ path: `${SHOTS}/${name}-page.png` });
  return page.locator('#graph').screenshot({ path: `${SHOTS}/${name}.png` });
}

describe('viewer', () => {
  it('draws the graph: the canvas has non-blank pixels in the type colours', async () => {
    await openViewer(page, served.url);
    const shot = await graphShot('overview');
    const pixels = await countPixels(page, shot, BACKGROUND, [INDUSTRY_GREEN]);
    expect(pixels.drawn / pixels.total).toBeGreaterThan(0.002);
    expect(pixels.near[INDUSTRY_GREEN]).toBeGreaterThan(20);
    expect(await page.locator('#legend .legend-entry').count()).toBeGreaterThan(3);
  });

  it('searching an alias opens the panel with the neighbour and its evidence sentence', async () => {
    await openViewer(page, served.url);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type(SCENARIO.searchTerm);
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results li').first().textContent()).toContain(SCENARIO.programName);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden])');
    expect(await page.locator('#panel .node-name').textContent()).toBe(SCENARIO.programName);
    expect(await page.locator('#panel .aliases').textContent()).toContain(SCENARIO.searchTerm);
    const neighbour = page.locator('#panel button.neighbour', { hasText: SCENARIO.neighbourName });
    expect(await neighbour.count()).toBeGreaterThan(0);
    const sentences = await page.locator('#panel .evidence q').allTextContents();
    expect(sentences.some((s) => s.includes(SCENARIO.neighbourName) && s.includes(SCENARIO.searchTerm))).toBe(true);
    expect((await page.locator('#panel .evidence cite').first().textContent())!.length).toBeGreaterThan(0);
    expect((await state()).selected).toBe(await keyOf(SCENARIO.programName));
    await graphShot('search-panel');

    // A neighbour in the panel opens that neighbour; Esc clears the selection.
    await neighbour.first().click();
    await page.waitForFunction((n) => document.querySelector('#panel .node-name')?.textContent === n, SCENARIO.neighbourName);
    await page.keyboard.press('Escape');
    expect((await state()).selected).toBeNull();
    expect(await page.locator('#panel').isHidden()).toBe(true);
  });

  it('the type filter hides Industry nodes (and the deep link records it)', async () => {
    await openViewer(page, served.url);
    const before = await countPixels(page, await graphShot('filter-before'), BACKGROUND, [INDUSTRY_GREEN]);
    expect(before.near[INDUSTRY_GREEN]).toBeGreaterThan(20);
    await page.click(`#legend button[data-kind="type"][data-name="${SCENARIO.hiddenType}"]`);
    const after = await countPixels(page, await graphShot('filter-industry-hidden'), BACKGROUND, [INDUSTRY_GREEN]);
    expect(after.near[INDUSTRY_GREEN]).toBeLessThan(before.near[INDUSTRY_GREEN]! / 10);
    const hidden = await page.evaluate((type) => {
      const v = (window as any).__zhengtu.viewer;
      return v.view.filterNodes((_: string, a: any) => a.kind === type).map((k: string) => v.renderer.getNodeDisplayData(k).hidden);
    }, SCENARIO.hiddenType);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every(Boolean)).toBe(true);
    expect((await state()).link).toContain(`hide=${SCENARIO.hiddenType}`);
  });

  it('a deep link restores the selection and the filters', async () => {
    const key = await (async () => {
      await openViewer(page, served.url);
      return keyOf(SCENARIO.neighbourName);
    })();
    await page.goto('about:blank');
    await openViewer(page, `${served.url}#node=${encodeURIComponent(key)}&hide=${SCENARIO.hiddenType}`);
    await page.waitForSelector('#panel:not([hidden])');
    expect(await page.locator('#panel .node-name').textContent()).toBe(SCENARIO.neighbourName);
    expect((await state()).selected).toBe(key);
    expect(await page.locator(`#legend button[data-name="${SCENARIO.hiddenType}"]`).getAttribute('aria-pressed')).toBe('false');
    await graphShot('deep-link');
  });

  it('hovering a node highlights its neighbours and dims the rest; hovering an edge shows its type', async () => {
    await openViewer(page, served.url);
    const key = await keyOf(SCENARIO.neighbourName);
    const at = await nodePosition(key);
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction((k) => (window as any).__zhengtu.state().hovered === k, key);
    const colours = await page.evaluate((k) => {
      const v = (window as any).__zhengtu.viewer;
      const neighbours = new Set(v.view.neighbors(k));
      const out: { neighbour: string[]; other: string[] } = { neighbour: [], other: [] };
      v.view.forEachNode((n: string) => {
        if (n === k) return;
        (neighbours.has(n) ? out.neighbour : out.other).push(v.renderer.getNodeDisplayData(n).color);
      });
      return { ...out, hoveredNeighbours: [...v.highlight.neighbours].sort(), expected: [...neighbours].sort() };
    }, key);
    expect(colours.hoveredNeighbours).toEqual(colours.expected);
    expect(colours.neighbour.length).toBeGreaterThan(0);
    expect(colours.neighbour.every((c) => c !== DIMMED)).toBe(true);
    expect(colours.other.length).toBeGreaterThan(0);
    expect(colours.other.every((c) => c === DIMMED)).toBe(true);
    await graphShot('hover');

    // Hover one of its edges. Edges are thin and sigma picks on a downsized buffer, so sweep the
    // middle of the segment as a hand would.
    await page.mouse.move(5, 5);
    const edge = await page.evaluate((k) => {
      const v = (window as any).__zhengtu.viewer;
      const e = v.view.edges(k)[0];
      const [s, t] = v.view.extremities(e);
      return { s, t };
    }, key);
    const [a, b] = [await nodePosition(edge.s), await nodePosition(edge.t)];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const [nx, ny] = [-(b.y - a.y) / length, (b.x - a.x) / length];
    sweep: for (const t of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65]) {
      for (const d of [0, 1, -1, 2, -2, 3, -3]) {
        await page.mouse.move(a.x + (b.x - a.x) * t + nx * d, a.y + (b.y - a.y) * t + ny * d);
        if (await page.locator('#tooltip').isVisible()) break sweep;
      }
    }
    await page.waitForSelector('#tooltip:not([hidden])', { timeout: 5000 });
    const hovered = await page.evaluate(() => {
      const v = (window as any).__zhengtu.viewer;
      return v.view.getEdgeAttribute(v.highlight.hoveredEdge, 'relation');
    });
    expect(await page.locator('#tooltip').textContent()).toContain(hovered);
    await graphShot('edge-hover');
  });

  it('a hostile name renders as text and runs nothing', async () => {
    await openViewer(page, served.url);
    await page.click('#search');
    await page.keyboard.type('<img');
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results .hit-name').first().textContent()).toBe(SCENARIO.hostileName);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden])');
    expect(await page.locator('#panel .node-name').textContent()).toBe(SCENARIO.hostileName);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#panel b, #panel script').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await graphShot('hostile-name');
  });

  it('exports the current view as a PNG', async () => {
    await openViewer(page, served.url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const path = `${SHOTS}/export.png`;
    await download.saveAs(path);
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const pixels = await countPixels(page, png, BACKGROUND);
    expect(pixels.drawn).toBeGreaterThan(100);
  });

  it('runs ForceAtlas2 in a worker with start/stop, then removes overlaps', async () => {
    await openViewer(page, served.url);
    const positions = () => page.evaluate(() => (window as any).__zhengtu.viewer.view.mapNodes((_: string, a: any) => [a.x, a.y]));
    const before = await positions();
    await page.click('#layout');
    expect(await page.locator('#layout').textContent()).toBe('stop layout');
    await page.waitForTimeout(600);
    await page.click('#layout');
    expect(await page.locator('#layout').textContent()).toBe('start layout');
    expect(await positions()).not.toEqual(before);
  });

  it('switches size to PageRank and colour to Louvain communities', async () => {
    await openViewer(page, served.url);
    const sizes = () => page.evaluate(() => (window as any).__zhengtu.viewer.view.mapNodes((_: string, a: any) => a.size));
    const byDegree = await sizes();
    await page.selectOption('#size-by', 'pagerank');
    expect(await sizes()).not.toEqual(byDegree);
    await page.selectOption('#color-by', 'community');
    const communities = await page.evaluate(() => (window as any).__zhengtu.viewer.view.mapNodes((_: string, a: any) => a.community));
    expect(communities.every((c: unknown) => typeof c === 'number')).toBe(true);
    expect(new Set(communities).size).toBeGreaterThan(1);
    expect((await state()).link).toContain('color=community');
    await graphShot('communities');
  });

  it('large-graph mode shows the most connected nodes first, says what is hidden, and shows more', async () => {
    await openViewer(page, `${served.url}?limit=8`);
    const first = await state();
    expect(first.shown).toBe(8);
    expect(await page.locator('#banner').textContent()).toContain(`showing 8 of ${first.total} nodes`);
    const degrees = await page.evaluate(() => {
      const v = (window as any).__zhengtu.viewer;
      const shown = v.view.mapNodes((_: string, a: any) => v.store.degree[a.index]);
      const hidden = v.store.nodes.filter((n: any) => !v.view.hasNode(n.key)).map((n: any) => v.store.degree[v.store.index.get(n.key)]);
      return { minShown: Math.min(...shown), maxHidden: Math.max(...hidden) };
    });
    expect(degrees.minShown).toBeGreaterThanOrEqual(degrees.maxHidden);
    await graphShot('large-mode');
    await page.click('#show-more');
    expect((await state()).shown).toBe(Math.min(16, first.total));
  });
});

describe('viewer on a large synthetic graph', () => {
  let big: Awaited<ReturnType<typeof serveViewer>>;
  beforeAll(async () => {
    big = await serveViewer(JSON.stringify(syntheticGraph({ nodes: 6000, edges: 12000, seed: 3 }).export()), 'zhengtu-viewer-large-');
  });
  afterAll(async () => {
    await big?.close();
  });

  it('opens in large-graph mode, and searching a hidden node reveals it with its panel', async () => {
    await openViewer(page, big.url);
    const first = await state();
    expect(first.total).toBe(6000);
    expect(first.shown).toBeLessThan(first.total);
    expect(await page.locator('#banner').textContent()).toContain(`showing ${first.shown} of 6000 nodes`);
    expect(await page.evaluate(() => (window as any).__zhengtu.viewer.renderer.getSetting('defaultNodeType'))).toBe('point');
    const pixels = await countPixels(page, await graphShot('large-synthetic'), BACKGROUND);
    expect(pixels.drawn / pixels.total).toBeGreaterThan(0.002);
    const hidden = await page.evaluate(() => {
      const v = (window as any).__zhengtu.viewer;
      return v.store.nodes.find((n: any) => !v.view.hasNode(n.key)).attributes.name as string;
    });
    await page.fill('#search', hidden);
    await page.waitForSelector('#search-results .hit-hidden');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden])');
    expect(await page.locator('#panel .node-name').textContent()).toBe(hidden);
    expect((await state()).shown).toBe(first.shown + 1);
    const expand = page.locator('#panel button.expand');
    if (await expand.count()) {
      await expand.click();
      expect((await state()).shown).toBeGreaterThan(first.shown + 1);
    }
  });
});

// The HTML report in real headless Chromium: loads offline with no console errors and no requests beyond the
// file itself, runs no script, prints (print CSS), and leaves screenshots in test-output/report/ to look at.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/chromium.ts';
import { CHROMIUM_ARGS } from '../viewer/browser.ts';
import { writeReport } from '../../src/report/index.ts';
import { HOSTILE_NAME, hostileGraph } from './helpers.ts';

const OUT = resolve('test-output/report');
let browser: Browser;

// A browser of its own per test: the headless build in @sparticuz/chromium may fail to take any further
// screenshot once it has printed a PDF.
beforeAll(() => mkdirSync(OUT, { recursive: true }));
beforeEach(async () => {
  browser = await launchBrowser(CHROMIUM_ARGS);
});
afterEach(async () => browser?.close());

async function open(file: string) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, problems, requests };
}

describe('report.html in Chromium', () => {
  it('renders the full report offline without console errors, with the hostile name as text', async () => {
    const { files } = writeReport(hostileGraph(), { outDir: resolve(OUT, 'full'), source: 'test', format: 'html' });
    const { page, problems, requests } = await open(files[0]);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(files[0]).href]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.getByText(HOSTILE_NAME, { exact: true }).count()).toBeGreaterThan(0);
    // Pictures drawn: bars in the charts, circles in the community pictures.
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.network circle').count()).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(OUT, 'report-top.png') });
    await page.locator('#matrix').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(OUT, 'report-matrix.png') });
    await page.locator('#communities').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(OUT, 'report-communities.png') });
    await page.screenshot({ path: resolve(OUT, 'report-full.png'), fullPage: true });

    // A matrix cell leads to its evidence.
    const cell = page.locator('table.matrix a.cell').first();
    const target = (await cell.getAttribute('href'))!;
    await cell.click();
    expect(await page.evaluate(() => location.hash)).toBe(target);
    expect(await page.locator(`${target} blockquote`).count()).toBeGreaterThan(0);

    // Print: no navigation, and Chromium lays it out as a PDF.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').evaluate((n) => getComputedStyle(n).display)).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('renders an entity report the same way', async () => {
    const graph = hostileGraph();
    const { files, model } = writeReport(graph, { outDir: resolve(OUT, 'entity'), source: 'test', format: 'html', entity: HOSTILE_NAME });
    const { page, problems } = await open(files[0]);
    expect(problems).toEqual([]);
    expect(await page.locator('article.card').count()).toBe(model.cards.length);
    await page.screenshot({ path: resolve(OUT, 'entity-report.png'), fullPage: true });
    await page.close();
  });
});

// `npm run bench:viewer`: the built viewer in headless Chromium with software WebGL (SwiftShader),
// on synthetic graphs with precomputed positions. Measures time to first render (navigation start →
// first frame on screen, including fetching and parsing graph.json) and frame times during a
// scripted camera animation. The baseline beside it: the 100k graph with large-graph mode off
// (every node handed to sigma), which is what the mode exists to avoid.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import random from 'graphology-layout/random';
import { prng, syntheticGraph } from '../src/graph/synthetic.ts';
import { writeViewer } from '../src/viewer/index.ts';
import { serveDirectory } from '../src/viewer/server.ts';
import { launchChromium, openViewer } from '../test/viewer/browser.ts';
import type { Browser } from 'playwright-core';

interface Run {
  firstRenderMs: number;
  shown: number;
  total: number;
  medianFrameMs: number;
  p95FrameMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function graphFolder(nodes: number, edges: number): string {
  const dir = mkdtempSync(join(tmpdir(), `zhengtu-bench-viewer-${nodes}-`));
  const graph = syntheticGraph({ nodes, edges, seed: 7 });
  random.assign(graph, { scale: 1000, rng: prng(11) });
  writeFileSync(join(dir, 'graph.json'), JSON.stringify(graph.export()));
  writeViewer(dir);
  return dir;
}

async function measure(browser: Browser, url: string): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // tsx compiles with keepNames, which wraps functions sent to the page in a `__name` helper.
  await page.addInitScript('window.__name = (f) => f');
  try {
    await openViewer(page, url);
    const { firstRenderMs, shown, total } = await page.evaluate(() => {
      const z = (window as any).__zhengtu;
      return { firstRenderMs: z.firstRenderMs, ...z.state() };
    });
    // Camera animation: zoom in, pan, rotate, zoom out; every frame's duration is recorded.
    const frames: number[] = await page.evaluate(async () => {
      const camera = (window as any).__zhengtu.viewer.renderer.getCamera();
      const times: number[] = [];
      let recording = true;
      const tick = (t: number) => { times.push(t); if (recording) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      await camera.animate({ ratio: 0.25, x: 0.4, y: 0.6 }, { duration: 1000 });
      await camera.animate({ x: 0.6, y: 0.4 }, { duration: 1000 });
      await camera.animate({ angle: 0.6 }, { duration: 600 });
      await camera.animate({ ratio: 1, x: 0.5, y: 0.5, angle: 0 }, { duration: 1000 });
      recording = false;
      return times.slice(1).map((t, i) => t - times[i]!);
    });
    const sorted = frames.sort((a, b) => a - b);
    return { firstRenderMs, shown, total, medianFrameMs: percentile(sorted, 0.5), p95FrameMs: percentile(sorted, 0.95) };
  } finally {
    await page.evaluate(() => (window as any).__zhengtu?.kill()).catch(() => undefined);
    await page.close();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
const browser = await launchChromium();
const folders: string[] = [];
try {
  const results: Record<string, Run> = {};
  for (const [label, nodes, edges, query] of [
    ['10k', 10_000, 30_000, '?limit=20000'],
    ['100k', 100_000, 300_000, ''],
    ['100k_all_nodes_baseline', 100_000, 300_000, '?limit=1000000'],
  ] as const) {
    const dir = folders.find((d) => d.includes(`-${nodes}-`)) ?? graphFolder(nodes, edges);
    if (!folders.includes(dir)) folders.push(dir);
    const served = await serveDirectory(dir);
    try {
      const run = await measure(browser, `${served.url}${query}`);
      results[label] = run;
      process.stdout.write(`${label}: showing ${run.shown} of ${run.total} nodes; first render ${round(run.firstRenderMs)} ms; frame median ${round(run.medianFrameMs)} ms, p95 ${round(run.p95FrameMs)} ms\n`);
    } finally {
      await served.close();
    }
  }
  process.stdout.write(`${JSON.stringify({
    bench: 'viewer',
    first_render_ms_10k: round(results['10k']!.firstRenderMs),
    median_frame_ms_10k: round(results['10k']!.medianFrameMs),
    p95_frame_ms_10k: round(results['10k']!.p95FrameMs),
    first_render_ms_100k: round(results['100k']!.firstRenderMs),
    median_frame_ms_100k: round(results['100k']!.medianFrameMs),
    nodes_shown_100k: results['100k']!.shown,
    baseline_first_render_ms_100k_all_nodes: round(results['100k_all_nodes_baseline']!.firstRenderMs),
    baseline_median_frame_ms_100k_all_nodes: round(results['100k_all_nodes_baseline']!.medianFrameMs),
  })}\n`);
} finally {
  await browser.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}

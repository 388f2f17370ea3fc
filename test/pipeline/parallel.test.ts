import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from '../../src/pipeline/build.ts';
import { genreFiles, graphText, tempDir } from './helpers.ts';

describe('parallel build', () => {
  it('gives the same graph and documents.json with 1 and 2 workers', async () => {
    const inputs = genreFiles(5);
    const one = tempDir();
    const two = tempDir();
    const a = await build(inputs, { out: one, workers: 1, cache: false });
    const b = await build(inputs, { out: two, workers: 2, cache: false, inlineBytes: 0 }); // a worker, however little text
    expect(a.stats.threads).toBe(false);
    expect(b.stats.threads).toBe(true);
    expect(b.stats.processed).toBe(5);
    expect(a.graph.size).toBeGreaterThan(20);
    expect(graphText(two)).toBe(graphText(one));
    expect(readFileSync(join(two, 'documents.json'), 'utf8')).toBe(readFileSync(join(one, 'documents.json'), 'utf8'));
    // Input order, not completion order.
    expect(b.documents.map((d) => d.path)).toEqual(inputs);
  });

  it('gives the same graph whether the main thread extracts too or only worker threads do', async () => {
    const inputs = genreFiles(6);
    const mixed = tempDir();
    const threads = tempDir();
    const a = await build(inputs, { out: mixed, workers: 3, cache: false, inlineBytes: 0 });
    const b = await build(inputs, { out: threads, workers: 3, mainThread: false, cache: false });
    expect(a.stats.processed).toBe(6);
    expect(b.stats.processed).toBe(6);
    expect(graphText(threads)).toBe(graphText(mixed));
    expect(readFileSync(join(threads, 'documents.json'), 'utf8')).toBe(readFileSync(join(mixed, 'documents.json'), 'utf8'));
  });

  it('one worker thread gives the same graph as the main thread', async () => {
    const inputs = genreFiles(2);
    const main = tempDir();
    const thread = tempDir();
    await build(inputs, { out: main, workers: 1, cache: false });
    const r = await build(inputs, { out: thread, workers: 1, mainThread: false, cache: false });
    expect(r.stats.threads).toBe(true);
    expect(graphText(thread)).toBe(graphText(main));
  });

  it('closes workers that are still loading jieba (all records cached), without aborting the process', () => {
    // In a child process: a thread ended under native work in flight would abort the whole process.
    const dir = tempDir();
    const jsonl = join(dir, 'docs.jsonl');
    writeFileSync(jsonl, Array.from({ length: 8 }, (_, i) => JSON.stringify({ id: `r${i}`, content: `国务院常务会议研究部署推动人工智能产业发展。第${i}条。` })).join('\n'));
    const script = `
      import { build } from ${JSON.stringify(new URL('../../src/pipeline/build.ts', import.meta.url).href)};
      import { WorkerPool } from ${JSON.stringify(new URL('../../src/pipeline/pool.ts', import.meta.url).href)};
      const out = ${JSON.stringify(join(dir, 'out'))};
      const first = await build([${JSON.stringify(jsonl)}], { out, workers: 2 });
      const again = await build([${JSON.stringify(jsonl)}], { out, workers: 3 });
      for (const delay of [0, 250, 400, 550, 700, 850, 1000]) {
        const pool = new WorkerPool(2, { ingest: {}, bulk: true });
        pool.warm(2);
        await new Promise((r) => setTimeout(r, delay));
        await pool.close();
      }
      console.log(JSON.stringify([first.stats.processed, again.stats.processed, again.stats.cached]));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual([8, 0, 8]);
  });

  it('extracts a little text in the main thread alone, even when workers are allowed', async () => {
    const inputs = genreFiles(3);
    const r = await build(inputs, { out: tempDir(), workers: 2, cache: false });
    expect([r.stats.threads, r.stats.processed]).toEqual([false, 3]);
    const forced = await build(inputs, { out: tempDir(), workers: 2, cache: false, mainThread: false });
    expect(forced.stats.threads).toBe(true);
  });
});

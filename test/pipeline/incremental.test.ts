import { describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from '../../src/pipeline/build.ts';
import { genreFiles, graphText, tempDir } from './helpers.ts';

/** A private corpus of `n` genre files, their mtimes an hour back (older than any build's start). */
function corpus(n: number): { dir: string; files: string[] } {
  const dir = join(tempDir(), 'corpus');
  mkdirSync(dir);
  const files = genreFiles(n).map((f) => join(dir, basename(f)));
  genreFiles(n).forEach((f, i) => copyFileSync(f, files[i]));
  backdate(files);
  return { dir, files };
}
const hourAgo = () => new Date(Date.now() - 3600_000);
const backdate = (files: string[]) => files.forEach((f) => utimesSync(f, hourAgo(), hourAgo()));
const documentsText = (out: string) => readFileSync(join(out, 'documents.json'), 'utf8');

async function fresh(inputs: string[]): Promise<string> {
  const out = tempDir();
  await build(inputs, { out, workers: 1, cache: false, builtAt: 'T' });
  return out;
}

describe('incremental re-run', () => {
  it('patches graph.json and documents.json after a change, equal to a fresh build', async () => {
    const { dir, files } = corpus(4);
    const out = join(tempDir(), 'out');
    const first = await build([dir], { out, workers: 2, builtAt: 'T' });
    expect(first.stats.patched).toBe(false);

    const same = await build([dir], { out, workers: 2, builtAt: 'T' });
    expect([same.stats.processed, same.stats.cached, same.stats.patched]).toEqual([0, 4, true]);
    expect(graphText(out)).toBe(graphText(await fresh([dir])));

    // New text in one document: other entities and relations appear, its own change.
    appendFileSync(files[2], '\n工业和信息化部支持发展人工智能产业。国家发展改革委推动低空经济发展。\n');
    const changed = await build([dir], { out, workers: 2, builtAt: 'T' });
    expect([changed.stats.processed, changed.stats.cached, changed.stats.patched]).toEqual([1, 3, true]);
    const reference = await fresh([dir]);
    expect(graphText(out)).toBe(graphText(reference));
    expect(documentsText(out)).toBe(documentsText(reference));
    expect(changed.documents.map((d) => d.path)).toEqual(files);
    expect(changed.graph.order).toBe(JSON.parse(readFileSync(join(reference, 'graph.json'), 'utf8')).nodes.length);

    // Text taken away: what only that document said leaves the graph.
    writeFileSync(files[1], readFileSync(files[1], 'utf8').slice(0, 400));
    const shrunk = await build([dir], { out, workers: 2, builtAt: 'T' });
    expect(shrunk.stats.patched).toBe(true);
    expect(graphText(out)).toBe(graphText(await fresh([dir])));
  });

  it('merges anew when documents come or go, or graph.json was touched', async () => {
    const { dir, files } = corpus(4);
    const out = join(tempDir(), 'out');
    await build([dir], { out, workers: 1, builtAt: 'T' });
    rmSync(files[3]);
    const fewer = await build([dir], { out, workers: 1, builtAt: 'T' });
    expect([fewer.stats.processed, fewer.stats.patched]).toEqual([0, false]);
    expect(graphText(out)).toBe(graphText(await fresh([dir])));

    writeFileSync(join(out, 'graph.json'), readFileSync(join(out, 'graph.json'), 'utf8') + ' ');
    appendFileSync(files[0], '\n国务院办公厅印发通知。\n');
    const touched = await build([dir], { out, workers: 1, builtAt: 'T' });
    expect([touched.stats.processed, touched.stats.patched]).toEqual([1, false]);
    expect(graphText(out)).toBe(graphText(await fresh([dir])));
  });

  it('merges anew, documents.json too, when the patch is refused after it began (a document now twin to another)', async () => {
    const { dir, files } = corpus(3);
    const out = join(tempDir(), 'out');
    await build([dir], { out, workers: 1, builtAt: 'T' });
    // The same text as another document: the same id, so what each said could not be told apart.
    writeFileSync(files[1], readFileSync(files[0]));
    const twin = await build([dir], { out, workers: 1, builtAt: 'T' });
    expect([twin.stats.processed, twin.stats.patched]).toEqual([1, false]);
    const reference = await fresh([dir]);
    expect(graphText(out)).toBe(graphText(reference));
    expect(documentsText(out)).toBe(documentsText(reference));
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('trusts an unchanged size and mtime without reading the file, unless asked to rehash', async () => {
    const { dir, files } = corpus(3);
    const out = join(tempDir(), 'out');
    await build([dir], { out, workers: 1, builtAt: 'T' });
    // The same size and mtime, other bytes: the (size, mtime) check cannot see it …
    const target = files[1];
    const { mtime, size } = statSync(target);
    const text = readFileSync(target, 'utf8');
    const swapped = text.replace('发展', '改革');
    expect(swapped).not.toBe(text);
    writeFileSync(target, swapped);
    utimesSync(target, mtime, mtime);
    expect(statSync(target).size).toBe(size);
    const trusted = await build([dir], { out, workers: 1, builtAt: 'T' });
    expect([trusted.stats.processed, trusted.stats.cached]).toEqual([0, 3]);
    // … hashing does.
    const rehashed = await build([dir], { out, workers: 1, builtAt: 'T', rehash: true });
    expect([rehashed.stats.processed, rehashed.stats.cached]).toEqual([1, 2]);
    expect(graphText(out)).toBe(graphText(await fresh([dir])));
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('hashes a file modified around the previous build even when size and mtime match', async () => {
    const { dir, files } = corpus(2);
    utimesSync(files[0], new Date(), new Date()); // "now": racing the build that follows
    const out = join(tempDir(), 'out');
    await build([dir], { out, workers: 1, builtAt: 'T' });
    const { mtime } = statSync(files[0]);
    const text = readFileSync(files[0], 'utf8');
    writeFileSync(files[0], text.replace('发展', '改革'));
    utimesSync(files[0], mtime, mtime);
    const again = await build([dir], { out, workers: 1, builtAt: 'T' });
    expect(again.stats.processed).toBe(1);
  });
});

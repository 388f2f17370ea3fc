import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonArrayWriter } from '../../src/pipeline/output.ts';
import { tempDir } from './helpers.ts';

const doc = (i: number) => ({ id: `d${i}`, text: `第${i}篇：国务院常务会议研究部署推动人工智能产业发展。`.repeat(1 + (i % 50) * 40) });

describe('documents.json writer', () => {
  it('finishes on the thread pool: the same bytes, and the ranges known before they are written', async () => {
    const dir = tempDir();
    const path = join(dir, 'documents.json');
    const docs = Array.from({ length: 1500 }, (_, i) => doc(i)); // > 512 pieces: several writev calls
    const writer = new JsonArrayWriter(path);
    const first = docs.slice(0, 10).map((d) => writer.write(JSON.stringify(d)));
    // The rest as strings and as bytes copied from elsewhere, as a re-run gives them.
    const rest = docs.slice(10).map((d, i) => (i % 2 ? JSON.stringify(d) : Buffer.from(JSON.stringify(d))));
    const { ranges, done } = writer.closeInBackground(rest);
    expect(existsSync(path)).toBe(false); // renamed only once written
    await done;
    const bytes = readFileSync(path);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(docs);
    [...first, ...ranges].forEach(([start, end], i) => expect(JSON.parse(bytes.subarray(start, end).toString('utf8'))).toEqual(docs[i]));
    expect(readdirSync(dir)).toEqual(['documents.json']); // no temporary file left
  });

  it('keeps the previous file when the build is aborted while it writes', async () => {
    const dir = tempDir();
    const path = join(dir, 'documents.json');
    writeFileSync(path, '["previous"]');
    const writer = new JsonArrayWriter(path);
    const { done } = writer.closeInBackground([JSON.stringify(doc(1))]);
    writer.abort();
    await done;
    expect(readFileSync(path, 'utf8')).toBe('["previous"]');
    expect(readdirSync(dir)).toEqual(['documents.json']);
  });

  it('copies runs of elements from an earlier documents.json as they lie there, one changed in the middle', async () => {
    const dir = tempDir();
    const path = join(dir, 'documents.json');
    const docs = Array.from({ length: 1200 }, (_, i) => doc(i));
    const first = new JsonArrayWriter(path);
    const ranges = docs.map((d) => first.write(JSON.stringify(d)));
    first.close();
    const old = readFileSync(path);
    const changed = { ...docs[600], text: '改过的' };
    const writer = new JsonArrayWriter(path);
    const elements = ranges.map(([start, end], i) => (i === 600 ? JSON.stringify(changed) : old.subarray(start, end)));
    const result = writer.closeInBackground(elements);
    await result.done;
    const bytes = readFileSync(path);
    const expected = docs.map((d, i) => (i === 600 ? changed : d));
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(expected);
    result.ranges.forEach(([start, end], i) => expect(JSON.parse(bytes.subarray(start, end).toString('utf8'))).toEqual(expected[i]));
  });
});

// The `inspect` command end to end, through the real CLI (ingest → clean → print).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/types.ts';

const gold = JSON.parse(readFileSync('/work/shared/gold/seed.gold.json', 'utf8')) as { articles: { title: string }[] };

function zhengtu(...args: string[]) {
  return spawnSync(process.execPath, ['bin/zhengtu.js', ...args], { encoding: 'utf8' });
}

describe('zhengtu inspect', () => {
  it('prints articles, authors, affiliations, headings and unattributed furniture', () => {
    const run = zhengtu('inspect', 'data/corpus/seed.txt');
    expect(run.status).toBe(0);
    for (const a of gold.articles) expect(run.stdout).toContain(a.title);
    expect(run.stdout).toMatch(/affiliation: +\S/);
    expect(run.stdout).toContain('headings:');
    expect(run.stdout).toMatch(/unattributed \(\d+\):/);
  });

  it('prints the Document as JSON with --json', () => {
    const run = zhengtu('inspect', 'data/corpus/seed.txt', '--json');
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as Document;
    expect(doc.articles.map((a) => a.title)).toEqual(gold.articles.map((a) => a.title));
    expect(doc.sentences.length).toBeGreaterThan(100);
    const s = doc.sentences[1]!;
    expect(doc.text.slice(s.start, s.end).length).toBe(s.end - s.start);
  });

  it('names the file in a one-line error when it cannot be read', () => {
    const run = zhengtu('inspect', 'no/such/file.txt');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no/such/file.txt');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { expandInputs, resolveInputs } from '../../src/ingest/index.ts';
import { globToRegExp } from '../../src/ingest/inputs.ts';
import { collect, tempTree } from './helpers.ts';

const tree = () =>
  tempTree({
    'b.txt': '乙',
    'a.md': '# 甲',
    'sub/z.txt': '丙',
    'sub/deeper/y.html': '<p>丁</p>',
    'sub/notes.json': '{}',
    'sub/.hidden.txt': '隐藏',
    '.git/config.txt': '隐藏目录',
    'Readme': 'no extension',
  });

describe('inputs', () => {
  it('walks directories recursively in sorted order, skipping hidden and unsupported files', () => {
    const root = tree();
    const files = expandInputs([root]).map((p) => relative(root, p));
    expect(files).toEqual(['a.md', 'b.txt', join('sub', 'deeper', 'y.html'), join('sub', 'z.txt')]);
  });

  it('expands globs: ** across directories, * within one, {a,b} alternatives', () => {
    const root = tree();
    const rel = (inputs: string[]) => expandInputs(inputs).map((p) => relative(root, p));
    expect(rel([join(root, '**/*.txt')])).toEqual(['b.txt', join('sub', 'z.txt')]);
    expect(rel([join(root, '*.txt')])).toEqual(['b.txt']);
    expect(rel([join(root, 'sub/**/*.{html,txt}')])).toEqual([join('sub', 'deeper', 'y.html'), join('sub', 'z.txt')]);
    expect(rel([join(root, '?.md'), join(root, '[ab].txt')])).toEqual(['a.md', 'b.txt']);
  });

  it('keeps input order, drops duplicates, and names a glob that matches nothing', () => {
    const root = tree();
    const entries = resolveInputs([join(root, 'sub/z.txt'), root, join(root, 'nothing/*.pdf')]);
    expect(entries.map((e) => relative(root, e.path))).toEqual([join('sub', 'z.txt'), 'a.md', 'b.txt', join('sub', 'deeper', 'y.html'), join('nothing', '*.pdf')]);
    expect(entries.at(-1)!.error).toMatch(/no supported files match/);
  });

  it('glob patterns become anchored regular expressions', () => {
    expect(globToRegExp('**/*.md').test('a/b/c.md')).toBe(true);
    expect(globToRegExp('**/*.md').test('c.md')).toBe(true);
    expect(globToRegExp('*.md').test('a/c.md')).toBe(false);
    expect(globToRegExp('a.(x)+.md').test('a.(x)+.md')).toBe(true);
    expect(globToRegExp('[!a]*.txt').test('a1.txt')).toBe(false);
  });

  it('a file named explicitly with an unsupported extension is an error, not skipped', async () => {
    const root = tree();
    const { docs, errors } = await collect([join(root, 'sub/notes.json'), join(root, 'Readme'), join(root, 'b.txt')]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^unsupported file type "\.json"/),
      expect.stringMatching(/^unsupported file type "\(no extension\)"/),
    ]);
    expect(docs.map((d) => d.text)).toEqual(['乙']);
  });

  it('ingests every document found by a directory walk, paths kept', async () => {
    const root = tree();
    const { docs, errors } = await collect([root]);
    expect(errors).toEqual([]);
    expect(docs.map((d) => [relative(root, d.path), d.format, d.text])).toEqual([
      ['a.md', 'md', '甲'],
      ['b.txt', 'txt', '乙'],
      [join('sub', 'deeper', 'y.html'), 'html', '丁'],
      [join('sub', 'z.txt'), 'txt', '丙'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateCluener } from '../../src/eval/cluener.ts';
import { readCluener } from '../../src/extract/model/corpus.ts';
import { loadEntityTagger } from '../../src/extract/model/tagger.ts';
import { CLUENER_DEV } from './helpers.ts';

describe('committed entity model, Organization on CLUENER', () => {
  it('scores exact-span F1 ≥ 0.75 on the CLUENER dev split and writes CLUENER predictions', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zt-dev-')), 'predictions.json');
    const result = await evaluateCluener(CLUENER_DEV, out);
    expect(result.f1).toBeGreaterThanOrEqual(0.75);
    expect(result.tp + result.fn).toBe(readCluener(CLUENER_DEV).reduce((n, s) => n + s.spans.filter((x) => x.type === 'Organization').length, 0));

    // The predictions file holds one line per dev sentence, the tagger's spans with inclusive ends.
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const dev = readCluener(CLUENER_DEV, { organization: 'Organization', government: 'Organization', company: 'Organization' });
    expect(lines).toHaveLength(dev.length);
    const tagger = loadEntityTagger();
    for (const i of [0, 1, 2, 3, 4]) {
      const expected = tagger.predict(dev[i].text).filter((s) => s.type === 'Organization');
      const got = Object.values(lines[i].label.organization ?? {}).flat() as [number, number][];
      expect(got.map(([s, e]) => ({ start: s, end: e + 1 })).sort((a, b) => a.start - b.start)).toEqual(
        expected.map(({ start, end }) => ({ start, end })),
      );
      for (const [mention, positions] of Object.entries(lines[i].label.organization ?? {})) {
        for (const [s, e] of positions as [number, number][]) expect(dev[i].text.slice(s, e + 1)).toBe(mention);
      }
    }
  });

  it('says which predictions file it cannot write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zt-dev-'));
    const dev = join(dir, 'tiny.json');
    writeFileSync(dev, JSON.stringify({ text: '招商银行发布年报。', label: { company: { 招商银行: [[0, 3]] } } }) + '\n');
    await expect(evaluateCluener(dev, join(dir, 'missing-folder', 'p.json'))).rejects.toThrow(
      /cannot write predictions to .*p\.json: ENOENT/,
    );
  });

  it('gives spans inside the text with scores in (0, 1]', () => {
    const tagger = loadEntityTagger();
    const text = '国务院办公厅印发通知，要求各地人民政府和国家发展改革委做好相关工作。';
    const spans = tagger.predict(text);
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(tagger.predict('')).toEqual([]);
  });
});

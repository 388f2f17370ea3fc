import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreSpans, cluenerLine, formatCluenerReport } from '../../src/eval/cluener.ts';
import { readCluener } from '../../src/extract/model/corpus.ts';

describe('CLUENER scorer', () => {
  it('counts exact span matches only', () => {
    const gold = [
      [{ start: 0, end: 4 }, { start: 10, end: 14 }],
      [{ start: 2, end: 5 }],
      [],
    ];
    const predicted = [
      [{ start: 0, end: 4 }, { start: 10, end: 13 }], // one exact, one boundary error
      [{ start: 2, end: 5 }],
      [{ start: 0, end: 2 }], // spurious
    ];
    const r = scoreSpans(gold, predicted);
    expect([r.tp, r.fp, r.fn]).toEqual([2, 2, 1]);
    expect(r.precision).toBeCloseTo(2 / 4);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
    expect(formatCluenerReport(r)).toMatch(/precision 50\.00 {2}recall 66\.67 {2}F1 57\.14/);
  });

  it('gives zeros, not NaN, when nothing is predicted or expected', () => {
    const r = scoreSpans([[]], [[]]);
    expect([r.precision, r.recall, r.f1]).toEqual([0, 0, 0]);
  });

  it('merges organization, government and company into Organization, maps persons and places, ignores the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zt-cluener-'));
    const file = join(dir, 'dev.json');
    const line = {
      text: '甲乙银行与丙丁市政府和戊己协会的张三',
      label: {
        company: { 甲乙银行: [[0, 3]] },
        government: { 丙丁市政府: [[5, 9]] },
        organization: { 戊己协会: [[11, 14]] },
        name: { 张三: [[16, 17]] },
        book: { 乙银: [[1, 2]] },
      },
    };
    writeFileSync(file, JSON.stringify(line) + '\n');
    const [sentence] = readCluener(file);
    expect(sentence.spans).toEqual([
      { start: 0, end: 4, type: 'Organization' },
      { start: 5, end: 10, type: 'Organization' },
      { start: 11, end: 15, type: 'Organization' },
      { start: 16, end: 18, type: 'Person' },
    ]);
    // The types CLUENER annotates, so that training learns nothing from its silence about industries.
    expect(sentence.annotates).toEqual(['Organization', 'Person', 'Place']);
    // Written back in CLUENER's format, with inclusive ends.
    const organizations = sentence.spans.filter((s) => s.type === 'Organization');
    const written = JSON.parse(cluenerLine(sentence.text, organizations));
    expect(written.label.organization).toEqual({ 甲乙银行: [[0, 3]], 丙丁市政府: [[5, 9]], 戊己协会: [[11, 14]] });
  });

  it('names the file and line of a malformed input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zt-cluener-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"text": "好", "label": {}}\n{oops\n');
    expect(() => readCluener(file)).toThrow(`${file}:2: not a JSON line`);
    expect(() => readCluener(join(dir, 'missing.json'))).toThrow(/cannot read .*missing\.json: ENOENT/);
    expect(readFileSync(file, 'utf8')).toContain('oops');
  });
});

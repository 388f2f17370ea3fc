import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';
import { extractFeatures, slotCount } from '../../src/extract/model/features.ts';
import { buildLexicon } from '../../src/extract/model/lexicon.ts';
import { featureLexicons } from '../../src/extract/model/sources.ts';
import { encodeHints } from '../../src/extract/model/hints.ts';
import { tokenize } from '../../src/extract/tokens.ts';
import { loadLexicon } from '../../src/extract/lexicon.ts';
import { placeCandidates } from '../../src/extract/candidates/dictionary.ts';

const lists = featureLexicons(ROOT);
const lexicon = buildLexicon(lists);
const F = slotCount(lexicon);
const FIXED = F - lists.length;

function features(text: string, hints?: Int32Array): Uint32Array[] {
  const out = new Uint32Array(text.length * F);
  extractFeatures(text, tokenize(text), lexicon, 19, out, hints);
  return Array.from({ length: text.length }, (_, i) => out.slice(i * F, (i + 1) * F));
}

const slotOf = (name: string) => FIXED + lists.findIndex((l) => l.name === name);

describe('feature templates', () => {
  it('character n-grams see two characters either side, and only those', () => {
    const a = features('甲乙丙丁戊己庚');
    const b = features('甲乙丙丁戊己辛');
    // The last character differs: positions 4 and 5 see it within ±2, position 3 and before do not.
    for (let i = 0; i <= 3; i++) expect(Array.from(a[i].slice(0, 11))).toEqual(Array.from(b[i].slice(0, 11)));
    expect(Array.from(a[4].slice(0, 11))).not.toEqual(Array.from(b[4].slice(0, 11)));
    expect(a[6][2]).not.toBe(b[6][2]);
  });

  it('folds digits, so that numbers of any value share features', () => {
    expect(Array.from(features('第3届')[1])).toEqual(Array.from(features('第7届')[1]));
  });

  it('gives every character of a word the same neighbouring-word features', () => {
    const f = features('国务院总理李强出席会议');
    // 李强 is one jieba word: both characters see 总理 before and 出席 after.
    expect(f[5][FIXED - 4]).toBe(f[6][FIXED - 4]);
    expect(f[5][FIXED - 3]).toBe(f[6][FIXED - 3]);
    expect(f[5][FIXED - 4]).not.toBe(f[2][FIXED - 4]);
  });

  it('marks word-list matches exactly over the matched span: world places, industries, surnames, titles', () => {
    const text = '法国代表团参观了地中海沿岸的新能源汽车园区';
    const f = features(text);
    const world = slotOf('world');
    const covered = (slot: number) => f.map((p) => (p[slot] !== 0 ? 1 : 0)).join('');
    expect(covered(world)).toBe('110000001110000000'.padEnd(text.length, '0'));
    const industry = covered(slotOf('industry'));
    const at = text.indexOf('新能源汽车');
    expect(industry).toBe('0'.repeat(at) + '11111' + '0'.repeat(text.length - at - 5));
    // 代表 stands next to names as a title (代表 王某).
    expect(covered(slotOf('title'))).toBe('0011'.padEnd(text.length, '0'));
    const person = features('王毅说');
    expect(person[0][slotOf('surname')]).not.toBe(0);
    expect(person[2][slotOf('surname')]).toBe(0);
  });

  it("turns the rules' proposals into two features per character, absent where no rule spoke", () => {
    const text = '实施科技创新工程';
    const hints = new Int32Array(2 * text.length);
    encodeHints(text.length, [{ start: 2, end: 8, type: 'Program', source: 'suffix' }], hints);
    const f = features(text, hints);
    expect(f[0][FIXED - 2]).toBe(0);
    expect(f[1][FIXED - 1]).toBe(0);
    expect(f[2][FIXED - 2]).not.toBe(0);
    // B, I and E of the proposal are different features; the type-only feature differs from the sourced one.
    expect(new Set([f[2][FIXED - 2], f[3][FIXED - 2], f[7][FIXED - 2]]).size).toBe(3);
    expect(f[3][FIXED - 2]).toBe(f[4][FIXED - 2]);
    expect(f[2][FIXED - 1]).not.toBe(f[2][FIXED - 2]);
  });
});

describe('gazetteers', () => {
  it('know the places of the world in Chinese (CLDR) beside those of China', () => {
    const places = lists.find((l) => l.name === 'world')!.words;
    for (const name of ['美国', '巴西', '东南亚', '地中海', '约旦河西岸', '纽约']) expect(places).toContain(name);
    // Bodies are not places, even where CLDR lists them as territories.
    expect(places).not.toContain('欧盟');
    expect(places).not.toContain('联合国');
  });

  it('let the place dictionary find countries and seas in running text', () => {
    const lex = loadLexicon();
    const text = '巴西和阿根廷的船只驶入地中海';
    const found = placeCandidates({ text, tokens: tokenize(text), lexicon: lex }).map((c) => text.slice(c.start, c.end));
    expect(found).toEqual(['巴西', '阿根廷', '地中海']);
    expect(lex.places.get('阿根廷')?.level).toBe('world');
  });

  it('carry industries, organ names, the head nouns of programs and policies into the model', () => {
    const names = lists.map((l) => l.name);
    expect(names).toEqual(['suffix', 'place', 'world', 'organ', 'industry', 'program-head', 'policy-head', 'title', 'surname']);
    expect(lists.find((l) => l.name === 'policy-head')!.words).toContain('条例');
    expect(lists.find((l) => l.name === 'title')!.words).toContain('总理');
  });
});

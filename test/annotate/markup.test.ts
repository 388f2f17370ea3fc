import { describe, expect, it } from 'vitest';
import { entitiesOf, firstDifference, parseMarkup } from '../../scripts/annotate/markup.ts';
import { toSentences } from '../../scripts/annotate/corpus.ts';

describe('annotation markup', () => {
  it('gives the plain text and every mention with offsets, nested places flagged', () => {
    const { text, mentions } = parseMarkup('[[ORG:[[LOC:潍坊市]]委党校]]举办[[PRG:“科小育优”工程]]培训，[[LOC:全市=潍坊市]]参加。');
    expect(text).toBe('潍坊市委党校举办“科小育优”工程培训，全市参加。');
    const spans = mentions.map((m) => [text.slice(m.start, m.end), m.type, m.canonical ?? '', m.nested ?? false]);
    expect(spans).toEqual([
      ['潍坊市委党校', 'Organization', '', false],
      ['潍坊市', 'Place', '', true],
      ['“科小育优”工程', 'Program', '', false],
      ['全市', 'Place', '潍坊市', false],
    ]);
  });

  it('groups mentions into entities by type and full name, short and quoted forms as aliases', () => {
    const { mentions } = parseMarkup('[[LOC:潍坊市]]实施[[PRG:“科小育优”工程]]，[[LOC:全市=潍坊市]]推进[[PRG:“科小育优”工程]]。');
    expect(entitiesOf(mentions)).toEqual([
      { type: 'Place', name: '潍坊市', aliases: ['全市'] },
      { type: 'Program', name: '科小育优工程', aliases: ['科小育优'] },
    ]);
  });

  it('refuses a type it does not know and an unclosed mention, saying where', () => {
    expect(() => parseMarkup('甲[[XYZ:乙]]')).toThrow(/markup offset 1: "\[\[" must be followed by one of ORG, PER, LOC, PRG, IND, POL/);
    expect(() => parseMarkup('[[ORG:甲乙')).toThrow(/markup offset 0: "\[\[" never closed/);
  });

  it('says where a copied excerpt differs', () => {
    expect(firstDifference('甲乙丙丁', '甲乙丙丁')).toBeNull();
    expect(firstDifference('甲乙丙丁', '甲乙戊丁')).toMatch(/differs at character 2/);
  });

  it('cuts a document into sentences without cutting a mention', () => {
    const { text, mentions } = parseMarkup('[[ORG:国务院]]召开会议。[[POL:关于甲；乙的意见]]印发\n[[LOC:北京]]');
    const sentences = toSentences(text, mentions, 'annotated');
    expect(sentences.map((s) => s.text)).toEqual(['国务院召开会议。', '关于甲；乙的意见印发', '北京']);
    for (const s of sentences) for (const span of s.spans) expect(span.end).toBeLessThanOrEqual(s.text.length);
    expect(sentences[1].spans).toEqual([{ start: 0, end: 8, type: 'Policy' }]);
  });
});

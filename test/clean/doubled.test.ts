import { describe, expect, it } from 'vitest';
import { restoreDoubled } from '../../src/clean/doubled.ts';

describe('restoreDoubled', () => {
  it('restores lines printed twice', () => {
    expect(restoreDoubled('一一、、取取得得的的成成效效')).toBe('一、取得的成效');
    expect(restoreDoubled('■■调调查查与与思思考考')).toBe('■调查与思考');
    expect(restoreDoubled('（（二二））强强化化保保障障')).toBe('（二）强化保障');
    expect(restoreDoubled('前前言言')).toBe('前言');
  });

  it('restores runs separated by single spaces, keeping the spaces', () => {
    expect(restoreDoubled('党党建建引引领领““管管””人人才才 海海纳纳百百川川““聚聚””人人才才')).toBe('党建引领“管”人才 海纳百川“聚”人才');
  });

  it('restores a doubled run inside a line and a doubled legitimate reduplication', () => {
    expect(restoreDoubled('  专专题题报报道道：正文照常')).toBe('  专题报道：正文照常');
    expect(restoreDoubled('人人人人渴渴望望成成才才')).toBe('人人渴望成才');
  });

  it('keeps the reduplication of prose', () => {
    for (const prose of [
      '形成人人渴望成才、人人努力成才的局面',
      '常常听到这样的说法',
      '明明白白、清清楚楚地讲',
      '谢谢谢谢大家',
      '投入2000000元',
      '等等……——',
      '哈哈哈哈哈哈',
    ]) {
      expect(restoreDoubled(prose)).toBe(prose);
    }
  });

  it('returns the same string when there is nothing to restore', () => {
    const line = '近年来，全市深入贯彻落实';
    expect(restoreDoubled(line)).toBe(line);
  });
});

// The same entity across documents is one node: merged by key (type and canonical identity).
import { describe, expect, it } from 'vitest';
import { mergeEntities } from '../../src/resolve/merge.ts';
import { byKey, resolved } from './helpers.ts';

describe('merging entities across documents', () => {
  const a = resolved('烟台市科技局出台《烟台市科技创新券管理办法》。\n科技部印发通知。', 'a');
  const b = resolved('烟台市科学技术局召开会议，科学技术部有关负责同志出席。\n全市深入实施“强链补链”工程。', 'b');
  const merged = mergeEntities([a.entities, b.entities]);

  it('joins a central organ under its full name whatever form each document used', () => {
    const ministry = byKey(merged, 'Organization:科学技术部')!;
    expect(ministry.docs).toEqual(['a', 'b']);
    expect(ministry.mentions.map((m) => m.doc)).toEqual(['a', 'b']);
    expect(merged.filter((e) => e.key === 'Organization:科学技术部')).toHaveLength(1);
  });

  it('keeps entities of one document alone with their document', () => {
    expect(byKey(merged, 'Policy:烟台市科技创新券管理办法')?.docs).toEqual(['a']);
    expect(byKey(merged, 'Program:强链补链工程')?.docs).toEqual(['b']);
  });

  it('merges the place both documents name, with the aliases of both', () => {
    const city = byKey(merged, 'Place:烟台市')!;
    expect(city.docs).toEqual(['a', 'b']);
    expect(city.aliases).toContain('全市');
    const count = (list: typeof merged) => byKey(list, 'Place:烟台市')!.mentions.length;
    expect(city.mentions.length).toBe(count(a.entities) + count(b.entities));
  });

  it('has one entity per key and does not change its inputs', () => {
    expect(new Set(merged.map((e) => e.key)).size).toBe(merged.length);
    const before = byKey(a.entities, 'Place:烟台市')!.mentions.length;
    mergeEntities([a.entities, b.entities]);
    expect(byKey(a.entities, 'Place:烟台市')!.mentions.length).toBe(before);
  });
});

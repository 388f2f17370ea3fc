// The seed page end to end: the targets of the extractor (entity F1 ≥ 0.90 with no type below 0.80,
// relation F1 ≥ 0.80, every gold AFFILIATED_WITH), evidence that slices the cleaned text, and no
// edge between endpoint types the guideline does not allow.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildResult } from '../../src/pipeline/build.ts';
import { evaluate, readGold, type EvalResult } from '../../src/eval/gold.ts';
import { allowed } from '../../src/relate/constraints.ts';
import { RELATED_TO, type RelationType } from '../../src/types.ts';

const GOLD = '/work/shared/gold/seed.gold.json';

let built: BuildResult;
let scores: EvalResult;
/** Cleaned text by document id, from the build's documents.json. */
let texts: Map<string, string>;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'zt-seed-'));
  try {
    built = await build(['data/corpus/seed.txt'], { out, workers: 1, cache: false });
    const docs = JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8')) as { id: string; text: string }[];
    texts = new Map(docs.map((d) => [d.id, d.text]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  scores = evaluate(built.graph, [readGold(GOLD)]);
});

describe('seed page targets', () => {
  it('finds entities with F1 ≥ 0.90 overall', () => {
    expect(scores.entities.overall!.f1, `missed ${scores.missedEntities.join(', ')}; spurious ${scores.spuriousEntities.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('has no entity type below F1 0.80', () => {
    for (const [type, s] of Object.entries(scores.entities)) expect(s.f1, type).toBeGreaterThanOrEqual(0.8);
  });

  it('finds relations with F1 ≥ 0.80', () => {
    expect(scores.relations.overall!.f1, `missed ${scores.missedRelations.join(', ')}; spurious ${scores.spuriousRelations.join(', ')}`).toBeGreaterThanOrEqual(0.8);
  });

  it('finds every gold AFFILIATED_WITH', () => {
    const gold = readGold(GOLD).relations.filter((r) => r.type === 'AFFILIATED_WITH');
    expect(gold.length).toBeGreaterThan(0);
    expect(scores.relations.AFFILIATED_WITH).toMatchObject({ tp: gold.length, fn: 0 });
  });
});

describe('seed graph integrity', () => {
  it('gives every edge evidence that slices exactly its sentence from the cleaned document', () => {
    let checked = 0;
    built.graph.forEachEdge((edge, attrs) => {
      expect(attrs.evidence.length, edge).toBeGreaterThan(0);
      for (const ev of attrs.evidence) {
        expect(texts.get(ev.doc)?.slice(ev.start, ev.end), edge).toBe(ev.sentence);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(50);
  });

  it('has no typed edge between endpoint types the guideline does not allow', () => {
    const wrong: string[] = [];
    built.graph.forEachEdge((_e, attrs, source, target, sa, ta) => {
      if (attrs.type === RELATED_TO) return;
      if (!allowed(attrs.type as RelationType, sa.type, ta.type)) wrong.push(`${sa.type} ${sa.name} -${attrs.type}-> ${ta.type} ${ta.name}`);
    });
    expect(wrong).toEqual([]);
  });

  it('slices every node mention to one of the node’s forms', () => {
    const strip = (s: string) => s.replace(/[《》“”"\s]/g, '');
    built.graph.forEachNode((key, attrs) => {
      const forms = new Set([attrs.name, ...attrs.aliases].map(strip));
      for (const m of attrs.mentions) expect(forms.has(strip(texts.get(m.doc)!.slice(m.start, m.end))), key).toBe(true);
    });
  });
});

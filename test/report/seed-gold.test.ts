// The seed report contains every gold relation that the graph found, each with its evidence sentence.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGraph } from '../../src/graph/io.ts';
import { readGold } from '../../src/eval/gold.ts';
import { normalize } from '../../src/util/marks.ts';
import { writeReport } from '../../src/report/index.ts';
import { seedGraphPath } from '../helpers/seed-graph.ts';

const GOLD = join(import.meta.dirname, '../../../shared/gold/seed.gold.json');

describe('seed report', () => {
  it('quotes the sentence of every gold relation the graph found, in both formats', () => {
    const graph = readGraph(seedGraphPath());
    const gold = readGold(GOLD);
    const out = mkdtempSync(join(tmpdir(), 'zt-seed-report-'));
    writeReport(graph, { outDir: out, format: 'both' });
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const forms = (key: string) => [graph.getNodeAttribute(key, 'name'), ...graph.getNodeAttribute(key, 'aliases')].map(normalize);
    let found = 0;
    for (const r of gold.relations) {
      const edge = graph.findEdge((_e, a, s, t) => a.type === r.type && forms(s).includes(normalize(r.source)) && forms(t).includes(normalize(r.target)));
      if (!edge) continue;
      found++;
      const sentence = graph.getEdgeAttribute(edge, 'evidence')[0]!.sentence;
      // Markdown marks the entity inside the quote, so compare a stretch of the sentence without markup.
      const plain = md.replace(/\*\*/g, '').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
      expect(plain, `${r.source} ${r.type} ${r.target}`).toContain(sentence.slice(0, 12));
      expect(html.replace(/<\/?mark>/g, ''), `${r.source} ${r.type} ${r.target}`).toContain(sentence.slice(0, 12).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    }
    expect(found).toBeGreaterThanOrEqual(25);
  });
});

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_GRAPH } from './helpers.ts';

const run = (...args: string[]) => spawnSync('node', ['bin/zhengtu.js', 'report', ...args], { encoding: 'utf8' });

describe('zhengtu report', () => {
  it('writes report.md and report.html with the same relations', () => {
    const out = mkdtempSync(join(tmpdir(), 'zt-report-'));
    const r = run('--graph', REPORT_GRAPH, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const anchors = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]).sort();
    const mdRelations = anchors(md, /<a id="(r-[^"]+)"><\/a>/g);
    expect(mdRelations.length).toBeGreaterThan(0);
    expect(anchors(html, /<div class="relation" id="(r-[^"]+)">/g)).toEqual(mdRelations);
    expect(r.stdout).toContain(`${mdRelations.length} relation(s)`);
  });

  it('writes only the format asked for', () => {
    const out = mkdtempSync(join(tmpdir(), 'zt-report-'));
    expect(run('--graph', REPORT_GRAPH, '--out', out, '--format', 'md').status).toBe(0);
    expect(existsSync(join(out, 'report.md'))).toBe(true);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
  });

  it('says in one line what is wrong: unknown entity, bad format, missing graph, two sources', () => {
    const out = mkdtempSync(join(tmpdir(), 'zt-report-'));
    const cases: [string[], RegExp][] = [
      [['--graph', REPORT_GRAPH, '--entity', 'no-such-entity-名字', '--out', out], /no entity named "no-such-entity-名字".*zhengtu explain/],
      [['--graph', REPORT_GRAPH, '--format', 'pdf', '--out', out], /--format pdf: use one of md, html, both/],
      [['--graph', join(out, 'missing.json'), '--out', out], /missing\.json: cannot read the graph/],
      [['--graph', REPORT_GRAPH, '--neo4j', '--out', out], /either --graph or --neo4j/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(out, 'report.md'))).toBe(false);
  });
});

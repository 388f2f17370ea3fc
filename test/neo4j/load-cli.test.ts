// `zhengtu load <documents>`: the real pipeline builds them, and the graph it builds is what lands in Neo4j.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGraph } from '../../src/graph/io.ts';
import { actualCounts, clearZhengtu, expectedCounts, FIXTURE_GRAPH, neo4jForTests } from './helpers.ts';
import { seedGraphPath } from '../helpers/seed-graph.ts';

const conn = await neo4jForTests();
const zhengtu = (...args: string[]) => spawnSync(process.execPath, ['bin/zhengtu.js', ...args], { encoding: 'utf8' });

describe('zhengtu load <documents>', () => {
  afterAll(async () => {
    await clearZhengtu(conn!);
    await conn?.driver.close();
  });

  it('builds data/corpus and loads the graph it built; the same command again changes nothing', async () => {
    await clearZhengtu(conn!);
    const out = mkdtempSync(join(tmpdir(), 'zt-load-cli-'));
    const first = zhengtu('load', 'data/corpus', '--out', out, '--json', '--quiet');
    expect(first.status, first.stderr).toBe(0);
    expect(existsSync(join(out, 'graph.json'))).toBe(true);
    const graph = readGraph(join(out, 'graph.json'));
    expect(graph.size).toBeGreaterThan(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.documents).toMatchObject({ added: 1, changed: 0, removed: 0 });
    expect(summary.addedPaths).toEqual(graph.getAttribute('documents').map((d) => d.path));
    expect(summary.relationships.created).toBe(expectedCounts(graph).relationships);
    expect(await actualCounts(conn!)).toEqual(expectedCounts(graph));

    // Without --out the build goes to a temporary directory; the loaded graph is the same.
    const again = zhengtu('load', 'data/corpus', '--json', '--quiet');
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ documents: { added: 0, changed: 0, unchanged: 1, removed: 0 }, relationships: { created: 0, deleted: 0 } });
    expect(await actualCounts(conn!)).toEqual(expectedCounts(graph));
  });

  it('inputs that give no document fail with one line naming them, and load nothing', async () => {
    await clearZhengtu(conn!);
    const run = zhengtu('load', 'no/such/dir/', '--quiet');
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no/such/dir/');
    expect((await actualCounts(conn!)).documents).toBe(0);
  });

  it('refuses to remove more than half of the documents without --yes, saying how many, and changes nothing', async () => {
    await clearZhengtu(conn);
    const three = zhengtu('load', FIXTURE_GRAPH, '--quiet', '--json');
    expect(three.status, three.stderr).toBe(0);
    const before = await actualCounts(conn);
    expect(before.documents).toBe(3);
    // The one-page seed graph shares no document with the fixture: loading it would remove all three.
    const refused = zhengtu('load', seedGraphPath(), '--quiet');
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/would remove 3 of the 3 documents in Neo4j at .*--yes/);
    expect(await actualCounts(conn)).toEqual(before);
    const kept = zhengtu('load', seedGraphPath(), '--quiet', '--keep-missing', '--json');
    expect(kept.status, kept.stderr).toBe(0);
    expect((await actualCounts(conn)).documents).toBe(4);
    const forced = zhengtu('load', seedGraphPath(), '--quiet', '--yes', '--json');
    expect(forced.status, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout).documents.removed).toBe(3);
    expect((await actualCounts(conn)).documents).toBe(1);
  });
});

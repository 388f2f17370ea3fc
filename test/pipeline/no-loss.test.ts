// A build in which no input could be read (here: a mistyped corpus path) writes nothing: the previous
// graph.json and documents.json stay as they were, byte for byte, and the one-line error says so.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const zhengtu = (...args: string[]) => spawnSync(process.execPath, ['bin/zhengtu.js', ...args], { encoding: 'utf8' });

describe('a build that reads nothing', () => {
  it('keeps the previous outputs and says that a path is missing', () => {
    const out = mkdtempSync(join(tmpdir(), 'zhengtu-no-loss-'));
    const good = zhengtu('build', 'data/corpus', '--out', out, '--quiet', '--no-viewer');
    expect(good.status, good.stderr).toBe(0);
    const before = ['graph.json', 'documents.json'].map((f) => readFileSync(join(out, f)));
    const files = readdirSync(out).sort();

    const typo = zhengtu('build', 'data/corpu', '--out', out, '--quiet', '--no-viewer');
    expect(typo.status).toBe(1);
    expect(typo.stderr.trim().split('\n')).toHaveLength(1);
    expect(typo.stderr).toMatch(/data\/corpu: cannot read: ENOENT \(no such file or directory/);
    expect(typo.stderr).toContain('nothing was written');
    expect(['graph.json', 'documents.json'].map((f) => readFileSync(join(out, f)))).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(files);
  });

  it('does not leave an empty --out folder behind', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zhengtu-no-loss-')), 'new');
    const typo = zhengtu('build', 'no/such/dir', '--out', out, '--quiet');
    expect(typo.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

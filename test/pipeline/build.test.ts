import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/pipeline/build.ts';

describe('build', () => {
  it('writes documents.json for the bundled seed page', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zt-build-'));
    const result = await build(['data/corpus/seed.txt'], { out });
    expect(result.failures).toEqual([]);
    const docs = JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8'));
    expect(docs).toHaveLength(1);
    expect(docs[0].sentences.length).toBeGreaterThan(50);
  });
});

// A malformed or missing data file (lexicon, pattern) is a user's problem with one line naming it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataJSON } from '../../src/util/data-file.ts';
import { UserError } from '../../src/util/errors.ts';

describe('data files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zt-data-'));

  it('reads well-formed JSON', () => {
    writeFileSync(join(dir, 'ok.json'), '{"heads": {"产业": "Industry"}}');
    expect(readDataJSON<{ heads: Record<string, string> }>(join(dir, 'ok.json')).heads['产业']).toBe('Industry');
  });

  it('names a malformed file and says how to restore it', () => {
    writeFileSync(join(dir, 'bad.json'), '{ broken');
    expect(() => readDataJSON(join(dir, 'bad.json'))).toThrow(UserError);
    expect(() => readDataJSON(join(dir, 'bad.json'))).toThrow(/bad\.json: malformed JSON .*git checkout/);
  });

  it('names a missing file', () => {
    expect(() => readDataJSON(join(dir, 'gone.json'))).toThrow(/gone\.json: cannot read this data file/);
  });
});

import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInBackground } from '../../src/pipeline/output.ts';
import { tempDir } from './helpers.ts';

describe('readInBackground', () => {
  it('reads a whole file of several MB, byte for byte', async () => {
    const path = join(tempDir(), 'big.bin');
    const bytes = Buffer.alloc(5_000_000 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 12)) & 0xff;
    writeFileSync(path, bytes);
    const read = await readInBackground(path);
    expect(read.length).toBe(bytes.length);
    expect(read.equals(bytes)).toBe(true);
  });

  it('reads an empty file, and rejects a missing one with its path', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty'), '');
    expect((await readInBackground(join(dir, 'empty'))).length).toBe(0);
    await expect(readInBackground(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json/);
  });
});

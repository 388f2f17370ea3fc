// A document with a few bad bytes is read, with them replaced (U+FFFD) and a warning, instead of being
// refused whole; a file that is mostly undecodable is still refused.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../../src/ingest/decode.ts';

const PARAGRAPH = '潍坊市人民政府关于加快氢能产业发展的实施意见。市科技局负责组织实施氢进万家示范工程。';
const withBadByte = (encoded: Buffer) => Buffer.concat([encoded.subarray(0, 60), Buffer.from([0xff]), encoded.subarray(60)]);

describe('a few bad bytes', () => {
  it('are replaced in UTF-8 and GB18030 text, and counted', () => {
    const utf8 = decodeText(withBadByte(Buffer.from(PARAGRAPH.repeat(3))));
    expect(utf8).toMatchObject({ encoding: 'utf-8', replaced: 1 });
    expect(utf8.text).toContain('\ufffd');
    expect(utf8.text.replace('\ufffd', '').length).toBeGreaterThan(PARAGRAPH.length * 3 - 2);
    // The GBK fixture with one byte that starts no GBK character (0xFF) between two characters.
    const gbk = readFileSync('test/fixtures/ingest/seed-sample.gbk.txt');
    const cut = gbk.indexOf(0x0a) + 1;
    const gb = decodeText(Buffer.concat([gbk.subarray(0, cut), Buffer.from([0xff]), gbk.subarray(cut)]));
    expect(gb).toMatchObject({ encoding: 'gb18030', replaced: 1 });
    expect(gb.text.replace('\ufffd', '')).toBe(decodeText(gbk).text);
  });

  it('still refuse a file that is mostly undecodable', () => {
    expect(() => decodeText(Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0xff : 0x41))))).toThrow(/undecodable bytes/);
  });

  it('give a warning naming the file, and the document is built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengtu-damaged-'));
    writeFileSync(join(dir, 'damaged.txt'), withBadByte(Buffer.from(PARAGRAPH.repeat(3))));
    const run = spawnSync(process.execPath, ['bin/zhengtu.js', 'build', join(dir, 'damaged.txt'), '--out', join(dir, 'out'), '--quiet', '--no-viewer'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/built 1 document/);
    expect(run.stderr.trim()).toMatch(/^warning: .*damaged\.txt: 1 undecodable byte sequence\(s\) replaced with U\+FFFD/);
  });
});

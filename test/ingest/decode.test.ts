import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentId } from '../../src/ingest/index.ts';
import { decodeText } from '../../src/ingest/decode.ts';
import { collect, tempTree } from './helpers.ts';

const gbkFixture = readFileSync('test/fixtures/ingest/seed-sample.gbk.txt');
const seed = readFileSync('data/corpus/seed.txt', 'utf8');

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
  }
  return out;
}

describe('text decoding', () => {
  // The GBK fixture was written once by Python from the first lines of the seed page.
  const sample = seed.slice(0, seed.split('\n').slice(0, 12).join('\n').length + 1);

  it('the GBK fixture is not valid UTF-8, so detection has to work', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkFixture)).toThrow();
    expect(sample).toMatch(/[\u4e00-\u9fff]{5}/);
  });

  it('GBK, UTF-16 LE/BE and UTF-8 with BOM give the same text and id as UTF-8', async () => {
    const dir = tempTree({
      'a-utf8.txt': sample,
      'b-utf8bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]),
      'c-utf16le.txt': utf16(sample, false),
      'd-utf16be.txt': utf16(sample, true),
      'e-gbk.txt': gbkFixture,
    });
    const { docs, errors } = await collect([dir]);
    expect(errors).toEqual([]);
    expect(docs.map((d) => d.meta.encoding)).toEqual(['utf-8', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030']);
    for (const doc of docs) {
      expect(doc.text).toBe(sample);
      expect(doc.id).toBe(documentId(sample));
    }
    expect(docs[1].meta.bom).toBe('true');
    expect(docs[0].meta.bom).toBeUndefined();
  });

  it('normalizes CRLF and CR line ends', () => {
    expect(decodeText(Buffer.from('一行\r\n二行\r三行\n')).text).toBe('一行\n二行\n三行\n');
  });

  it('refuses Latin-1 bytes rather than decoding them as GB18030 mojibake', () => {
    const latin1 = Buffer.from('Politique d\u00e9taill\u00e9e: caf\u00e9, r\u00e9sum\u00e9, na\u00efve', 'latin1');
    expect(() => decodeText(latin1)).toThrow(/undecodable bytes/);
  });

  it('tells binary content, empty files and whitespace-only files apart', () => {
    expect(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]))).toThrow('binary content, not text');
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41)));
    expect(() => decodeText(controls)).toThrow('binary content, not text');
    expect(() => decodeText(Buffer.from('plain ASCII as UTF-16', 'utf16le'))).toThrow('binary content, not text (UTF-16 without a BOM? convert it to UTF-8)');
    expect(() => decodeText(Buffer.alloc(0))).toThrow('empty file');
    expect(() => decodeText(Buffer.from(' \n\t\n'))).toThrow(/empty file/);
  });

  it('keeps a stray control character in otherwise normal text', () => {
    const text = `${'政策文本。'.repeat(100)}\x1a`;
    expect(decodeText(Buffer.from(text)).text).toBe(text);
  });

  it('reads the GBK fixture through ingest with its path', async () => {
    const path = join('test/fixtures/ingest/seed-sample.gbk.txt');
    const { docs } = await collect([path]);
    expect(docs[0]).toMatchObject({ path, format: 'txt', text: sample, meta: { encoding: 'gb18030' } });
  });
});

// Bytes → text: a BOM decides first (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, then GB18030
// (a superset of GBK and GB2312, the usual legacy encodings of Chinese government documents) when its
// decode is plausible Chinese. A file that is one of these but for a few bad bytes is read with them replaced
// (U+FFFD, counted in meta.replaced, warned about by ingest). Anything else is refused rather than turned
// into mojibake.
import { IngestFailure } from './failure.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** Undecodable byte sequences replaced by U+FFFD (a few bad bytes do not cost the whole document). */
  replaced?: number;
}

/** Share of C0 control bytes (other than tab, newlines, form feed, escape) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.01;
/** Bytes looked at for the control-character test: enough to tell, cheap on huge files. */
const SNIFF_BYTES = 1 << 20;
/** Share of non-ASCII characters a GB18030 decode must have in CJK ranges to be believed. */
const MIN_CJK_SHARE = 0.8;

const strict = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: true });

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function isBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) controls++;
  }
  return controls > n * MAX_CONTROL_SHARE;
}

/** Text in UTF-16 without a BOM: nearly every other byte is NUL (ASCII) — worth saying so. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return n >= 8 && Math.max(even, odd) >= (n / 2) * 0.9 && Math.min(even, odd) <= (n / 2) * 0.1;
}

/** Ideographs, CJK and general punctuation (“” —), kana, bopomofo, enclosed/compat symbols, fullwidth forms. */
const CJK = /[\u2000-\u206f\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

export function isPlausibleChinese(text: string): boolean {
  if (text.includes('\ufffd')) return false;
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (CJK.test(ch)) cjk++;
  }
  return nonAscii > 0 && cjk >= nonAscii * MIN_CJK_SHARE;
}

/**
 * A few bad bytes: at most one replacement in a thousand characters, or up to 16 that are a small share
 * (5 %) of the non-ASCII characters — so a Latin-1 file, all of whose accents are bad UTF-8, is still refused.
 */
const MAX_REPLACED_SHARE = 0.001;
const MAX_REPLACED = 16;
const MAX_REPLACED_NON_ASCII = 0.05;

function fewReplaced(text: string, replaced: number): boolean {
  if (replaced <= text.length * MAX_REPLACED_SHARE) return true;
  if (replaced > MAX_REPLACED) return false;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) nonAscii++;
  return replaced <= nonAscii * MAX_REPLACED_NON_ASCII;
}

/** The lenient decode, when only a few byte sequences could not be decoded; else null. */
function withFewReplaced(label: string, bytes: Uint8Array, plausible: (text: string) => boolean): { text: string; replaced: number } | null {
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  if (!fewReplaced(text, replaced)) return null;
  return plausible(text.replaceAll('\ufffd', '')) ? { text, replaced } : null;
}

/** Invalid bytes in a file that is otherwise UTF-8 (or, failing that, GB18030): replaced, counted. */
function decodeDamaged(bytes: Uint8Array): Decoded | null {
  const utf8 = withFewReplaced('utf-8', bytes, () => true);
  if (utf8) return { text: utf8.text, encoding: 'utf-8', bom: false, replaced: utf8.replaced };
  const gb = withFewReplaced('gb18030', bytes, isPlausibleChinese);
  return gb && { text: gb.text, encoding: 'gb18030', bom: false, replaced: gb.replaced };
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return strict(label).decode(bytes);
  } catch {
    return null;
  }
}

/** Decode a whole file's bytes; throws IngestFailure with the reason when it is not text. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new IngestFailure('empty file');
  let decoded: Decoded | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    const damaged = text === null ? withFewReplaced('utf-8', bytes.subarray(3), () => true) : null;
    if (text === null && !damaged) throw new IngestFailure('undecodable bytes (a UTF-8 BOM, but invalid UTF-8 after it)');
    decoded = damaged ? { text: damaged.text, encoding: 'utf-8', bom: true, replaced: damaged.replaced } : { text: text!, encoding: 'utf-8', bom: true };
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(encoding, bytes.subarray(2));
    if (text === null) throw new IngestFailure(`undecodable bytes (a ${encoding.toUpperCase()} BOM, but invalid ${encoding.toUpperCase()} after it)`);
    if (/[\0-\x08\x0e-\x1a\x1c-\x1f]/.test(text)) throw new IngestFailure('binary content, not text');
    decoded = { text, encoding, bom: true };
  } else {
    if (isBinary(bytes)) throw new IngestFailure(looksLikeUtf16(bytes) ? 'binary content, not text (UTF-16 without a BOM? convert it to UTF-8)' : 'binary content, not text');
    const utf8 = tryDecode('utf-8', bytes);
    if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8', bom: false };
    else {
      const gb = tryDecode('gb18030', bytes);
      if (gb !== null && isPlausibleChinese(gb)) decoded = { text: gb, encoding: 'gb18030', bom: false };
      else decoded = decodeDamaged(bytes);
      if (!decoded) throw new IngestFailure('undecodable bytes (neither UTF-8, UTF-16 with BOM, nor GBK/GB18030); convert the file to UTF-8');
    }
  }
  decoded.text = normalizeNewlines(decoded.text);
  if (!decoded.text.trim()) throw new IngestFailure('empty file (whitespace only)');
  return decoded;
}

/** What every decoded file records about its bytes. */
export function encodingMeta(d: Decoded): Record<string, string> {
  const meta: Record<string, string> = d.bom ? { encoding: d.encoding, bom: 'true' } : { encoding: d.encoding };
  if (d.replaced) meta.replaced = String(d.replaced);
  return meta;
}

// The result cache: one file per document, named by a hash of everything the result depends on —
// the document's bytes and path, and a fingerprint of the data and code that extract it. A changed
// lexicon, pattern, model or extraction source file changes the fingerprint, and with it every key,
// so stale results are never read; they sit in a sibling directory that the next build removes.
//
// An entry holds two lines: the Document as JSON (copied verbatim into documents.json) and the
// compact result (entities, relations, the document's metadata) that the cross-document merge reads.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the per-document result changes shape or meaning in a way the hashed sources miss. */
export const CODE_VERSION = 'zhengtu-document-result-1';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What a document's result depends on besides its own text. */
const FINGERPRINT_PATHS = [
  'data/lexicon',
  'data/patterns',
  'data/models',
  'src/ingest',
  'src/clean',
  'src/extract',
  'src/resolve',
  'src/relate',
  'src/pipeline/document.ts',
  'src/types.ts',
  'node_modules/nodejieba/package.json',
];

function* filesUnder(path: string): Generator<string> {
  const st = statSync(path, { throwIfNoEntry: false });
  if (st?.isFile()) yield path;
  else if (st?.isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* filesUnder(join(path, name));
  }
}

let memo: string | undefined;

/**
 * Hash of CODE_VERSION and every file under FINGERPRINT_PATHS (names and contents). Computed once
 * per process, so that a build (and its workers) sees one fingerprint even while files are edited.
 */
export function fingerprint(root = ROOT): string {
  if (memo && root === ROOT) return memo;
  const h = createHash('sha256').update(CODE_VERSION);
  for (const base of FINGERPRINT_PATHS) {
    for (const file of filesUnder(join(root, base))) {
      h.update(`\0${relative(root, file)}\0`).update(readFileSync(file));
    }
  }
  const value = h.digest('hex').slice(0, 16);
  if (root === ROOT) memo = value;
  return value;
}

export const hashBytes = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The key of one document: its path, how it was read, and a hash of its content. */
export function cacheKey(parts: string[]): string {
  return hashBytes(parts.join('\0')).slice(0, 32);
}

export interface CacheEntry {
  docJSON: string;
  compactJSON: string;
}

export class ResultCache {
  readonly dir: string;

  constructor(root: string, print = fingerprint()) {
    this.dir = join(root, print);
    mkdirSync(this.dir, { recursive: true });
  }

  has(key: string): boolean {
    return existsSync(this.pathOf(key));
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathOf(key), 'utf8');
    } catch {
      return undefined;
    }
    const cut = text.indexOf('\n');
    const end = text.indexOf('\n', cut + 1);
    // A truncated entry (a crash mid-write cannot cause one, a full disk might) is a miss.
    if (cut < 0 || end < 0) return undefined;
    return { docJSON: text.slice(0, cut), compactJSON: text.slice(cut + 1, end) };
  }

  /** Written through a temporary file: builds sharing a cache never read half an entry. */
  put(key: string, entry: CacheEntry): void {
    const path = this.pathOf(key);
    mkdirSync(join(path, '..'), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(tmp, `${entry.docJSON}\n${entry.compactJSON}\n`);
    renameSync(tmp, path);
  }

  /** Entries keyed by another fingerprint can never be read again. */
  pruneOtherFingerprints(): void {
    const root = join(this.dir, '..');
    const own = relative(root, this.dir);
    for (const name of readdirSync(root)) {
      if (name !== own && /^[0-9a-f]{16}$/.test(name)) rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}

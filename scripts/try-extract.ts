import { readFileSync } from 'node:fs';
import { analyzeSentence } from '../src/extract/index.ts';
const text = readFileSync(process.argv[2]!, 'utf8').replace(/\n/g, '');
for (const s of text.split(/(?<=[。；！？])/)) {
  const { candidates } = analyzeSentence(s);
  if (candidates.length) console.log(candidates.map((c) => `${c.type[0]}${c.type[1]}/${c.source}:${c.name ?? s.slice(c.start, c.end)}${c.levelPrefix ? '^' : ''}`).join(' | '));
}

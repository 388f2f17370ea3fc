import { tokenize } from '../src/extract/tokens.ts';
import { analyzeSentence } from '../src/extract/index.ts';
for (const s of process.argv.slice(2)) {
  console.log(tokenize(s).map((t) => t.word + '/' + t.tag).join(' '));
  console.log(analyzeSentence(s).candidates.map((c) => `${c.type}/${c.source}:${c.name ?? s.slice(c.start, c.end)}`).join(' | '));
}

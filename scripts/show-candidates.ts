// For whoever tunes the extractor: prints jieba's words and tags and the settled entity candidates of
// each sentence given on the command line.
//   node --import tsx scripts/show-candidates.ts "国家燃料电池技术创新中心推动科技部“氢进万家”示范工程在山东率先落地。"
import { tokenize } from '../src/extract/tokens.ts';
import { analyzeSentence } from '../src/extract/index.ts';

for (const sentence of process.argv.slice(2)) {
  console.log(tokenize(sentence).map((t) => `${t.word}/${t.tag}`).join(' '));
  console.log(analyzeSentence(sentence).candidates.map((c) => `${c.type}/${c.source}:${c.name ?? sentence.slice(c.start, c.end)}`).join(' | '));
}

// Exact-span P/R/F1 of `zhengtu tag` (the whole extraction, outermost spans) on the held-out tenth of
// the public news NER sentences (MSRA, People's Daily): persons, places, organizations.
//   node --import tsx scripts/eval-public.ts
import { prepareExtractor } from '../src/extract/index.ts';
import { tagLine } from '../src/tag/index.ts';
import { formatScores, scoreTyped } from '../src/eval/spans.ts';
import { publicNews } from './public-news.ts';

const lexicon = prepareExtractor({ bulk: false });
const { test } = publicNews();
const predicted = test.map((s) => tagLine(s.text, lexicon).entities);
console.log(`${test.length} held-out sentences (MSRA, People's Daily)`);
console.log(formatScores(scoreTyped(test, predicted)).replace(/; /g, '\n'));

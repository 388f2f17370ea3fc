// npm run train [-- --epochs N] [--closing N] [--seed N] [--bits N] [--repeat N] [--dev] [--annotated-only] [--out <file>]
// Trains the entity tagger (all six types) and writes data/models/entity-tagger.bin.gz from:
//   ../shared/data/cluener/train.json (organizations, persons, places),
//   ../shared/data/ner/{msra.val,peoples-daily.dev,weibo.train,weibo.dev}.bio (the same three types),
//   data/annotated (train split; all six types), each of its sentences seen --repeat times an epoch.
// First a model on 9/10 of the sentences is measured on the other tenth: the precision of its spans by
// type (the score a span gets) and the temperature of span marginals; then the model on all of them is
// the one written. Deterministic: the same data, options and code
// give the same file. --dev prints the annotated dev split's P/R/F1 after every epoch (for choosing
// options only: the written model is the same).
import { parseArgs } from 'node:util';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { MODEL_TYPES, type LabeledSentence } from '../src/extract/model/types.ts';
import type { Token } from '../src/extract/tokens.ts';
import { readBio, readCluener } from '../src/extract/model/corpus.ts';
import { publicNews } from './public-news.ts';
import { featureLexicons } from '../src/extract/model/sources.ts';
import { trainEntityModel } from '../src/extract/model/train.ts';
import { calibrate, withCalibration } from '../src/extract/model/calibrate.ts';
import { writeModel } from '../src/extract/model/io.ts';
import { EntityTagger, DEFAULT_MODEL_PATH } from '../src/extract/model/tagger.ts';
import { formatScores, scoreTyped } from '../src/eval/spans.ts';
import { annotatedSentences } from './annotate/corpus.ts';
import { ruleCandidates } from '../src/extract/index.ts';
import { loadLexicon } from '../src/extract/lexicon.ts';
import { ensureJieba } from '../src/extract/tokens.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/data');
const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '4' },
    seed: { type: 'string', default: '20200101' },
    prune: { type: 'string', default: '1' },
    bits: { type: 'string', default: '19' },
    repeat: { type: 'string', default: '3' },
    closing: { type: 'string', default: '4' },
    dev: { type: 'boolean', default: false },
    'annotated-only': { type: 'boolean', default: false },
    // For comparing options: no temperature fitting (the model keeps temperature 1).
    'skip-calibration': { type: 'boolean', default: false },
    out: { type: 'string', default: DEFAULT_MODEL_PATH },
  },
});

function whole(name: string, min: number, max: number): number {
  const raw = values[name as keyof typeof values];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function trainingSentences(): { sentences: LabeledSentence[]; counts: Record<string, number> } {
  const sentences = values['annotated-only'] ? annotatedSentences('train') : [
    ...readCluener(resolve(shared, 'cluener/train.json')),
    // Every tenth sentence of MSRA and People's Daily is kept apart to measure `zhengtu tag` (eval-public.ts).
    ...publicNews().train,
    ...readBio(resolve(shared, 'ner/weibo.train.bio'), 'weibo'),
    ...readBio(resolve(shared, 'ner/weibo.dev.bio'), 'weibo'),
    ...annotatedSentences('train'),
  ];
  const counts: Record<string, number> = {};
  for (const s of sentences) counts[s.source ?? '?'] = (counts[s.source ?? '?'] ?? 0) + 1;
  return { sentences, counts };
}

async function main(): Promise<void> {
  const started = performance.now();
  const epochs = whole('epochs', 1, 100);
  const seed = whole('seed', -(2 ** 31), 2 ** 31 - 1);
  const bits = whole('bits', 10, 24);
  const repeat = whole('repeat', 1, 20);
  const closingEpochs = whole('closing', 0, 100);
  if (!(Number(values.prune) >= 0)) throw new Error(`--prune must be a number ≥ 0, got "${values.prune}"`);
  const { sentences, counts } = trainingSentences();
  const lexicons = featureLexicons(root);
  const dev = values.dev ? annotatedSentences('dev') : undefined;
  console.error(`training on ${sentences.length} sentences (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}); word lists: ${lexicons.map((l) => `${l.name} ${l.words.length}`).join(', ')}`);
  ensureJieba();
  const lexicon = loadLexicon();
  const options = {
    epochs, seed, lexicons, bits, types: MODEL_TYPES, pruneBelow: Number(values.prune),
    // The rules' proposals are features where the conventions are ours: public corpora tag by their own
    // (MSRA splits 中国/政府), and learning from them would teach the tagger to distrust the rules.
    hints: (s: LabeledSentence, tokens: Token[]) => (s.source === 'annotated' ? ruleCandidates({ text: s.text, tokens, lexicon }) : []),
    repeats: (s: LabeledSentence) => (s.source === 'annotated' ? repeat : 1),
    closingEpochs,
    closing: (s: LabeledSentence) => s.source === 'annotated',
  };

  const fit = sentences.filter((_, i) => i % 10 !== 9);
  const heldOut = sentences.filter((_, i) => i % 10 === 9);
  const calibration = values['skip-calibration'] ? { temperature: 1, logLoss: NaN, spans: 0, precision: {} } : calibrate(trainEntityModel(fit, options), heldOut);
  console.error(`span-score temperature ${calibration.temperature} (log loss ${calibration.logLoss.toFixed(3)} on ${calibration.spans} spans of ${heldOut.length} held-out sentences); precision by type ${JSON.stringify(calibration.precision)}, ${seconds(started)} s`);

  const trained = trainEntityModel(sentences, {
    ...options,
    meta: {
      command: `npm run train -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
      data: counts,
      // Tokens came from jieba with this user dictionary; retrain after changing it.
      userDict: userDictDigest(),
      epochs,
      seed,
      repeat,
      closingEpochs,
    },
    onEpoch: (epoch, mistakes, snapshot) => {
      let line = `epoch ${epoch}/${epochs + closingEpochs}: ${mistakes} sentences wrong, ${seconds(started)} s`;
      if (dev) {
        const tagger = new EntityTagger(snapshot());
        line += `\n  dev ${formatScores(scoreTyped(dev, dev.map((s) => tagger.predict(s.text))))}`;
      }
      console.error(line);
    },
  });
  const model = withCalibration(trained, calibration);
  mkdirSync(dirname(values.out!), { recursive: true });
  const bytes = writeModel(values.out!, model);
  console.error(`wrote ${relative(process.cwd(), values.out!)}: ${model.buckets.length} weighted buckets of 2^${model.bits}, ${(bytes / 1e6).toFixed(2)} MB, ${seconds(started)} s`);
}

function userDictDigest(): string | null {
  const path = resolve(root, 'data/lexicon/user.dict');
  return existsSync(path) ? `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}` : null;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

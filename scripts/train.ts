// npm run train [-- --train <train.json>] [--dev <dev.json>] [--epochs N] [--seed N] [--bits N] [--out <file>]
// Trains the Organization tagger on CLUENER2020's train split and writes data/models/org-tagger.bin.gz.
// First a model on 9/10 of the sentences fixes the temperature of span scores on the other tenth;
// then the model on all of them is the one written. Deterministic: the same data, options and code
// give the same file. --dev prints dev P/R/F1 after every epoch (for choosing options only).
import { parseArgs } from 'node:util';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readCluener } from '../src/extract/model/corpus.ts';
import { featureLexicons } from '../src/extract/model/sources.ts';
import { trainOrgModel } from '../src/extract/model/train.ts';
import { calibrateTemperature, withTemperature } from '../src/extract/model/calibrate.ts';
import { writeModel } from '../src/extract/model/io.ts';
import { OrgTagger, DEFAULT_MODEL_PATH } from '../src/extract/model/tagger.ts';
import { evaluateTagger } from '../src/eval/cluener.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    train: { type: 'string', default: resolve(root, '../shared/data/cluener/train.json') },
    dev: { type: 'string' },
    epochs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '20200101' },
    prune: { type: 'string', default: '0.002' },
    bits: { type: 'string', default: '19' },
    out: { type: 'string', default: DEFAULT_MODEL_PATH },
  },
});

async function main(): Promise<void> {
  const started = performance.now();
  const epochs = Number(values.epochs);
  const seed = Number(values.seed);
  const bits = Number(values.bits);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`--epochs must be a whole number ≥ 1, got "${values.epochs}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  if (!Number.isInteger(bits) || bits < 10 || bits > 24) throw new Error(`--bits must be a whole number from 10 to 24, got "${values.bits}"`);
  if (!(Number(values.prune) >= 0)) throw new Error(`--prune must be a number ≥ 0, got "${values.prune}"`);
  const sentences = readCluener(values.train!);
  const lexicons = featureLexicons(root);
  const dev = values.dev ? readCluener(values.dev) : undefined;
  console.error(
    `training on ${sentences.length} sentences of ${values.train}; word lists: ${lexicons.map((l) => `${l.name} ${l.words.length}`).join(', ')}`,
  );
  const options = { epochs, seed, lexicons, pruneBelow: Number(values.prune), bits };

  const fit = sentences.filter((_, i) => i % 10 !== 9);
  const heldOut = sentences.filter((_, i) => i % 10 === 9);
  const calibration = calibrateTemperature(trainOrgModel(fit, options), heldOut);
  console.error(
    `span-score temperature ${calibration.temperature} (log loss ${calibration.logLoss.toFixed(3)} on ${calibration.spans} spans of ${heldOut.length} held-out sentences), ${seconds(started)} s`,
  );

  const trained = trainOrgModel(sentences, {
    ...options,
    meta: {
      command: `npm run train -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
      data: 'CLUENER2020 train.json (organization+government+company → Organization)',
      // Tokens came from jieba with this user dictionary; retrain after changing it.
      userDict: userDictDigest(),
      epochs,
      seed,
    },
    onEpoch: (epoch, mistakes, snapshot) => {
      let line = `epoch ${epoch}/${epochs}: ${mistakes} sentences wrong, ${seconds(started)} s`;
      if (dev) {
        const r = evaluateTagger(dev, new OrgTagger(snapshot())).result;
        line += `; dev P ${r.precision.toFixed(4)} R ${r.recall.toFixed(4)} F1 ${r.f1.toFixed(4)}`;
      }
      console.error(line);
    },
  });
  const model = withTemperature(trained, calibration.temperature);
  mkdirSync(dirname(values.out!), { recursive: true });
  const bytes = writeModel(values.out!, model);
  console.error(
    `wrote ${relative(process.cwd(), values.out!)}: ${model.buckets.length} weighted buckets of 2^${model.bits}, ${(bytes / 1e6).toFixed(2)} MB, ${seconds(started)} s`,
  );
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

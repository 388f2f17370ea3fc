// postinstall: make nodejieba build jieba's dictionary once instead of twice.
//
// nodejieba.load() constructs cppjieba::Jieba and then a TextRankExtractor from the same file paths,
// which loads the 350k-word dictionary and the HMM model a second time. zhengtu never calls
// textRankExtract(), but every process and every worker thread pays for that second load: about
// 0.3 s of the 0.6 s start-up, which is most of a re-run after one file changed. cppjieba has a
// TextRankExtractor constructor that shares the Jieba instance's dictionary and model; this script
// switches nodejieba's load() to it and rebuilds the addon (≈ 5 s, from the sources npm installed).
// textRankExtract() keeps working, on the same dictionary.
//
// Safe to run again (a patched source is left alone). If the source is not the one expected, or the
// rebuild fails, the original source and binary are kept: zhengtu then starts slower, nothing else.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const say = (line) => console.log(`patch-nodejieba: ${line}`);

let dir;
try {
  dir = dirname(require.resolve('nodejieba/package.json'));
} catch {
  say('nodejieba is not installed; nothing to do');
  process.exit(0);
}
const source = join(dir, 'lib', 'nodejieba.cpp');
const binary = join(dir, 'build', 'Release', 'nodejieba.node');
const MARK = '/* zhengtu: TextRankExtractor shares the Jieba dictionary */';
const SECOND_LOAD = /_text_rank_extractor_handle = new cppjieba\s*::TextRankExtractor\(dictPath,\s*modelPath,\s*stopWordsPath,\s*userDictPath\);/;
const SHARED = `${MARK}\n  _text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);`;

const original = readFileSync(source, 'utf8');
if (original.includes(MARK)) {
  say('already patched');
  process.exit(0);
}
if (!SECOND_LOAD.test(original)) {
  say(`${source} is not the source this patch knows (another nodejieba version?); left unpatched: start-up loads the dictionary twice`);
  process.exit(0);
}

const savedBinary = existsSync(binary) ? readFileSync(binary) : undefined;
writeFileSync(source, original.replace(SECOND_LOAD, SHARED));
const preGyp = require.resolve('@mapbox/node-pre-gyp/bin/node-pre-gyp');
say('rebuilding nodejieba with one dictionary load …');
// Node's own headers when they are installed beside it (Debian's nodejs): nothing to download.
const prefix = join(dirname(process.execPath), '..');
const localHeaders = !process.env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node_api.h'));
const build = spawnSync(process.execPath, [preGyp, 'rebuild', ...(localHeaders ? [`--nodedir=${prefix}`] : [])], { cwd: dir, encoding: 'utf8' });
const works =
  build.status === 0 &&
  spawnSync(process.execPath, ['-e', "const j = require('nodejieba'); j.load(); if (j.tag('国务院发布通知').length !== 3) process.exit(1)"], {
    cwd: dir,
    encoding: 'utf8',
  }).status === 0;

if (works) {
  say('done: jieba loads its dictionary once');
} else {
  writeFileSync(source, original);
  if (savedBinary) {
    mkdirSync(dirname(binary), { recursive: true });
    writeFileSync(binary, savedBinary);
  }
  say(`rebuild failed; kept the original nodejieba (it works, starting slower). ${(build.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
}

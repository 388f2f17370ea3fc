// postinstall: three changes to nodejieba's addon, for start-up time.
//
// 1. One dictionary build instead of two. nodejieba.load() constructs cppjieba::Jieba and then a
//    TextRankExtractor from the same file paths, which loads the 350k-word dictionary and the HMM
//    model a second time. zhengtu never calls textRankExtract(), but every process and every worker
//    thread paid for that second load: about 0.3 s of the 0.6 s start-up. cppjieba has a
//    TextRankExtractor constructor that shares the Jieba instance's dictionary; load() now uses it
//    (textRankExtract() keeps working, on the same dictionary).
// 2. A faster build of that dictionary (0.32 s → 0.19 s): cppjieba sorted a copy of every entry to
//    find the median weight (the weights alone are sorted now: same values), grew the entries' vector
//    by doubling and copied it once more to shrink it (it is reserved from the file's size now). Same
//    dictionary, same segmentation.
// 3. loadAsync(): the same load, on a libuv thread, returning a promise. The dictionary build then
//    overlaps what the thread does meanwhile — loading the lexicons and the model, reading and
//    cleaning the first document — which is most of a re-run after one file changed.
//
// The rebuild takes ≈ 5 s, from the sources npm installed. Safe to run again (a change already made
// is left alone). If a source is not the one expected, or the rebuild fails, the original sources
// and binary are kept: zhengtu then starts slower (tokens.ts falls back to load()), nothing else.
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

const LOAD_WORKER = `/* zhengtu: loadAsync builds the dictionary on a libuv thread */
class LoadWorker : public Napi::AsyncWorker {
 public:
  LoadWorker(Napi::Env env, NodeJieba* addon, std::vector<std::string> paths)
      : Napi::AsyncWorker(env), _addon(addon), _paths(paths), _deferred(Napi::Promise::Deferred::New(env)) {}
  Napi::Promise Promise() { return _deferred.Promise(); }
  void Execute() override {
    try {
      _jieba = new cppjieba::Jieba(_paths[0], _paths[1], _paths[2], _paths[3], _paths[4]);
      _text_rank = new cppjieba::TextRankExtractor(*_jieba, _paths[4]);
    } catch (const std::exception& e) {
      SetError(e.what());
    }
  }
  void OnOK() override {
    delete _addon->_jieba_handle;
    _addon->_jieba_handle = _jieba;
    delete _addon->_text_rank_extractor_handle;
    _addon->_text_rank_extractor_handle = _text_rank;
    _deferred.Resolve(Napi::Boolean::New(Env(), true));
  }
  void OnError(const Napi::Error& e) override {
    delete _text_rank;
    delete _jieba;
    _deferred.Reject(e.Value());
  }

 private:
  NodeJieba* _addon;
  std::vector<std::string> _paths;
  Napi::Promise::Deferred _deferred;
  cppjieba::Jieba* _jieba{nullptr};
  cppjieba::TextRankExtractor* _text_rank{nullptr};
};

Napi::Value NodeJieba::loadAsync(const Napi::CallbackInfo& info) {
  if (info.Length() != 5) {
    Napi::TypeError::New(info.Env(), "loadAsync(dict, hmm, userDict, idf, stopWords)").ThrowAsJavaScriptException();
    return info.Env().Undefined();
  }
  std::vector<std::string> paths;
  for (size_t i = 0; i < 5; i++) paths.push_back(info[i].As<Napi::String>());
  LoadWorker* worker = new LoadWorker(info.Env(), this, paths);
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

Napi::Value NodeJieba::insertWord(`;

const LOAD_ASYNC_JS = `
  },

  // zhengtu: loadAsync builds the dictionary on a libuv thread; the promise resolves once it is ready.
  loadAsync: function (dictJson) {
    dictJson = dictJson || {};
    return nodejieba
      .loadAsync(
        dictJson.dict || exports.DEFAULT_DICT,
        dictJson.hmmDict || exports.DEFAULT_HMM_DICT,
        dictJson.userDict || exports.DEFAULT_USER_DICT,
        dictJson.idfDict || exports.DEFAULT_IDF_DICT,
        dictJson.stopWordDict || exports.DEFAULT_STOP_WORD_DICT
      )
      .then(function (ok) {
        isDictLoaded = true;
        return ok;
      });
  }
};

function wrapWithDictLoad`;

const WEIGHTS_ONLY = `/* zhengtu: the weights sorted, not copies of the whole entries */
    vector<double> x;
    x.reserve(static_node_infos_.size());
    for (size_t i = 0; i < static_node_infos_.size(); i++) x.push_back(static_node_infos_[i].weight);
    sort(x.begin(), x.end());
    min_weight_ = x[0];
    max_weight_ = x[x.size() - 1];
    median_weight_ = x[x.size() / 2];`;

/** Each change: the file, a mark its result carries, the text it replaces, and what with. */
const PATCHES = [
  {
    // Three of the weights' order statistics were read off a sorted copy of all 350k entries
    // (each a rune vector and a tag string): a third of the load.
    file: 'deps/cppjieba/DictTrie.hpp',
    mark: '/* zhengtu: the weights sorted',
    find: /vector<DictUnit> x = static_node_infos_;\s*sort\(x\.begin\(\), x\.end\(\), WeightCompare\);\s*min_weight_ = x\[0\]\.weight;\s*max_weight_ = x\[x\.size\(\) - 1\]\.weight;\s*median_weight_ = x\[x\.size\(\) \/ 2\]\.weight;/,
    replace: WEIGHTS_ONLY,
  },
  {
    file: 'lib/nodejieba.cpp',
    mark: '/* zhengtu: TextRankExtractor shares the Jieba dictionary */',
    find: /_text_rank_extractor_handle = new cppjieba\s*::TextRankExtractor\(dictPath,\s*modelPath,\s*stopWordsPath,\s*userDictPath\);/,
    replace: '/* zhengtu: TextRankExtractor shares the Jieba dictionary */\n  _text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);',
  },
  {
    // The entries' vector grew by doubling (each step copying every entry: no move constructor), then
    // was copied once more to shrink it. Reserved from the file's size instead (lines are ≈ 14 bytes;
    // pages never written cost no memory), and not shrunk: a fifth of the load.
    file: 'deps/cppjieba/DictTrie.hpp',
    mark: '/* zhengtu: reserved */',
    find: /DictUnit node_info;\s*for \(size_t lineno = 0; getline\(ifs, line\); lineno\+\+\) \{/,
    replace: `DictUnit node_info;
    /* zhengtu: reserved */
    ifs.seekg(0, ios::end);
    static_node_infos_.reserve(static_cast<size_t>(ifs.tellg()) / 10);
    ifs.seekg(0, ios::beg);
    for (size_t lineno = 0; getline(ifs, line); lineno++) {`,
  },
  {
    file: 'deps/cppjieba/DictTrie.hpp',
    mark: '/* zhengtu: not shrunk */',
    find: /Shrink\(static_node_infos_\);\s*CreateTrie\(static_node_infos_\);/,
    replace: `/* zhengtu: not shrunk */
    CreateTrie(static_node_infos_);`,
  },
  {
    file: 'lib/nodejieba.h',
    mark: '/* zhengtu: loadAsync */',
    find: /Napi::Value load\(const Napi::CallbackInfo& info\);/,
    replace: '/* zhengtu: loadAsync */\n  friend class LoadWorker;\n  Napi::Value loadAsync(const Napi::CallbackInfo& info);\n  Napi::Value load(const Napi::CallbackInfo& info);',
  },
  {
    file: 'lib/nodejieba.cpp',
    mark: 'InstanceMethod("loadAsync"',
    find: /InstanceMethod\("load", &NodeJieba::load\),/,
    replace: 'InstanceMethod("load", &NodeJieba::load),\n    InstanceMethod("loadAsync", &NodeJieba::loadAsync),',
  },
  { file: 'lib/nodejieba.cpp', mark: 'class LoadWorker', find: /Napi::Value NodeJieba::insertWord\(/, replace: LOAD_WORKER },
  { file: 'index.js', mark: '// zhengtu: loadAsync', find: /\n  }\n};\n\nfunction wrapWithDictLoad/, replace: LOAD_ASYNC_JS },
];

// Sources as found (to put back on failure) and as being changed.
const originals = new Map();
const current = new Map();
const source = (file) => {
  if (!current.has(file)) current.set(file, readFileSync(join(dir, file), 'utf8'));
  return current.get(file);
};
const restore = () => {
  for (const [file, text] of originals) writeFileSync(join(dir, file), text);
};

const todo = PATCHES.filter((p) => !source(p.file).includes(p.mark));
if (!todo.length) {
  say('already patched');
  process.exit(0);
}
for (const p of todo) {
  const text = source(p.file);
  if (!p.find.test(text)) {
    restore();
    say(`${join(dir, p.file)} is not the source this patch knows (another nodejieba version?); left unpatched: start-up loads the dictionary twice, in the foreground`);
    process.exit(0);
  }
  if (!originals.has(p.file)) originals.set(p.file, text);
  current.set(p.file, text.replace(p.find, p.replace));
  writeFileSync(join(dir, p.file), current.get(p.file));
}

const binary = join(dir, 'build', 'Release', 'nodejieba.node');
const savedBinary = existsSync(binary) ? readFileSync(binary) : undefined;
const preGyp = require.resolve('@mapbox/node-pre-gyp/bin/node-pre-gyp');
say('rebuilding nodejieba: one faster dictionary load, and loadAsync() …');
// Node's own headers when they are installed beside it (Debian's nodejs): nothing to download.
const prefix = join(dirname(process.execPath), '..');
const localHeaders = !process.env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node_api.h'));
const build = spawnSync(process.execPath, [preGyp, 'rebuild', ...(localHeaders ? [`--nodedir=${prefix}`] : [])], { cwd: dir, encoding: 'utf8' });
const CHECK = `const j = require('./index.js');
j.loadAsync().then(() => { if (j.tag('国务院发布通知').length !== 3) process.exit(1); j.load(); if (j.cut('国务院发布通知').length !== 3) process.exit(1); }, () => process.exit(1));`;
const works = build.status === 0 && spawnSync(process.execPath, ['-e', CHECK], { cwd: dir, encoding: 'utf8' }).status === 0;

if (works) {
  say('done: jieba loads its dictionary once, faster, and can load it in the background');
} else {
  restore();
  if (savedBinary) {
    mkdirSync(dirname(binary), { recursive: true });
    writeFileSync(binary, savedBinary);
  }
  say(`rebuild failed; kept the original nodejieba (it works, starting slower). ${(build.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
}

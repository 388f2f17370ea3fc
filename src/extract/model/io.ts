// Model file: gzip of [u32 header length][header JSON][keys as delta varints][weights as int16 steps].
// Sorted keys make the deltas small; weights are rounded to a fixed step, which the header records.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import type { OrgModel } from './types.ts';
import { T } from './tags.ts';
import { weightStep } from './weights.ts';

const MAGIC = 'zhengtu-org-tagger';
const VERSION = 1;

interface Header {
  magic: string;
  version: number;
  featureSet: string;
  tags: string[];
  lexicons: OrgModel['lexicons'];
  transitions: number[];
  endTransitions: number[];
  count: number;
  step: number;
  meta: Record<string, unknown>;
}


export function encodeModel(model: OrgModel): Buffer {
  const step = weightStep(model.weights);
  const header: Header = {
    magic: MAGIC,
    version: VERSION,
    featureSet: model.featureSet,
    tags: [...model.tags],
    lexicons: model.lexicons,
    transitions: Array.from(model.transitions, (v) => Math.round(v * 1e4) / 1e4),
    endTransitions: Array.from(model.endTransitions, (v) => Math.round(v * 1e4) / 1e4),
    count: model.keys.length,
    step,
    meta: model.meta,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const varints = Buffer.alloc(model.keys.length * 5);
  let at = 0;
  let prev = 0;
  for (const key of model.keys) {
    let d = key - prev;
    if (d < 0) throw new Error('model keys must be sorted ascending');
    prev = key;
    while (d >= 0x80) {
      varints[at++] = (d & 0x7f) | 0x80;
      d = Math.floor(d / 128);
    }
    varints[at++] = d;
  }
  const quantized = new Int16Array(model.weights.length);
  for (let i = 0; i < quantized.length; i++) quantized[i] = Math.round(model.weights[i] / step);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([length, json, varints.subarray(0, at), Buffer.from(quantized.buffer)]), { level: 9 });
}

export function decodeModel(data: Buffer, name = 'model'): OrgModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(data);
  } catch {
    throw new Error(`${name} is not a gzip file: it is not an Organization model (rebuild it with \`npm run train\`)`);
  }
  const length = raw.readUInt32LE(0);
  let header: Header;
  try {
    header = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as Header;
  } catch {
    throw new Error(`${name} has a damaged header (rebuild it with \`npm run train\`)`);
  }
  if (header.magic !== MAGIC || header.version !== VERSION) {
    throw new Error(`${name} is not a version-${VERSION} Organization model (rebuild it with \`npm run train\`)`);
  }
  let at = 4 + length;
  const keys = new Uint32Array(header.count);
  let prev = 0;
  for (let i = 0; i < header.count; i++) {
    let d = 0;
    let scale = 1;
    for (;;) {
      const b = raw[at++];
      d += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 128;
    }
    prev += d;
    keys[i] = prev;
  }
  const count = header.count * T;
  if (raw.length !== at + count * 2) throw new Error(`${name} is truncated (rebuild it with \`npm run train\`)`);
  const quantized = new Int16Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + count * 2));
  const weights = new Float32Array(count);
  for (let i = 0; i < count; i++) weights[i] = quantized[i] * header.step;
  return {
    featureSet: header.featureSet,
    tags: header.tags,
    lexicons: header.lexicons,
    transitions: Float32Array.from(header.transitions),
    endTransitions: Float32Array.from(header.endTransitions),
    keys,
    weights,
    meta: header.meta,
  };
}

/** Writes atomically: a failed write never leaves a half model behind. */
export function writeModel(path: string, model: OrgModel): number {
  const data = encodeModel(model);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
  return data.length;
}

export function readModel(path: string): OrgModel {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (err) {
    throw new Error(`cannot read the Organization model ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)} (build it with \`npm run train\`)`);
  }
  return decodeModel(data, path);
}

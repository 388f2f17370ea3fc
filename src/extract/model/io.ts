// Model file: gzip of [u32 header length][header JSON][buckets as delta varints][weights as int16 steps].
// Sorted buckets make the deltas small; weights are rounded to a fixed step, which the header records.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import type { EntityModel } from './types.ts';
import { tagCount } from './tags.ts';

const MAGIC = 'zhengtu-entity-tagger';
const VERSION = 1;

interface Header {
  magic: string;
  version: number;
  featureSet: string;
  bits: number;
  types: EntityModel['types'];
  tags: string[];
  lexicons: EntityModel['lexicons'];
  transitions: number[];
  endTransitions: number[];
  count: number;
  step: number;
  meta: Record<string, unknown>;
}


export function encodeModel(model: EntityModel): Buffer {
  const header: Header = {
    magic: MAGIC,
    version: VERSION,
    featureSet: model.featureSet,
    bits: model.bits,
    types: model.types,
    tags: [...model.tags],
    lexicons: model.lexicons,
    transitions: Array.from(model.transitions),
    endTransitions: Array.from(model.endTransitions),
    count: model.buckets.length,
    step: model.step,
    meta: model.meta,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const varints = Buffer.alloc(model.buckets.length * 5);
  let at = 0;
  let prev = 0;
  for (const key of model.buckets) {
    let d = key - prev;
    if (d < 0) throw new Error('model buckets must be sorted ascending');
    prev = key;
    while (d >= 0x80) {
      varints[at++] = (d & 0x7f) | 0x80;
      d = Math.floor(d / 128);
    }
    varints[at++] = d;
  }
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([length, json, varints.subarray(0, at), Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength)]), { level: 9 });
}

export function decodeModel(data: Buffer, name = 'model'): EntityModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(data);
  } catch {
    throw new Error(`${name} is not a gzip file: it is not an entity model (rebuild it with \`npm run train\`)`);
  }
  const length = raw.readUInt32LE(0);
  let header: Header;
  try {
    header = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as Header;
  } catch {
    throw new Error(`${name} has a damaged header (rebuild it with \`npm run train\`)`);
  }
  if (header.magic !== MAGIC || header.version !== VERSION) {
    throw new Error(`${name} is not a version-${VERSION} entity model (rebuild it with \`npm run train\`)`);
  }
  let at = 4 + length;
  const buckets = new Uint32Array(header.count);
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
    buckets[i] = prev;
  }
  const count = header.count * tagCount(header.types.length);
  if (raw.length !== at + count * 2) throw new Error(`${name} is truncated (rebuild it with \`npm run train\`)`);
  const weights = new Int16Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + count * 2));
  return {
    featureSet: header.featureSet,
    bits: header.bits,
    types: header.types,
    tags: header.tags,
    lexicons: header.lexicons,
    transitions: Float32Array.from(header.transitions),
    endTransitions: Float32Array.from(header.endTransitions),
    buckets,
    weights,
    step: header.step,
    meta: header.meta,
  };
}

/** Writes atomically: a failed write never leaves a half model behind. */
export function writeModel(path: string, model: EntityModel): number {
  const data = encodeModel(model);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
  return data.length;
}

export function readModel(path: string): EntityModel {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (err) {
    throw new Error(`cannot read the entity model ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)} (build it with \`npm run train\`)`);
  }
  return decodeModel(data, path);
}

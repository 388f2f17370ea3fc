// documents.json, written as it goes: a JSON array with one Document a line, so that no build holds
// every document's text, and a reader may stream it line by line. It is written to a temporary file
// and renamed at the end: an interrupted build leaves the previous documents.json intact.
import { closeSync, fstatSync, openSync, read, readSync, renameSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { ChunkedFile } from '../graph/io.ts';

const FIRST = Buffer.from('\n');
const SEPARATOR = Buffer.from(',\n');

export class JsonArrayWriter {
  private readonly file: ChunkedFile;
  private count = 0;
  /** Closing on the thread pool (closeInBackground), and whether the build gave up meanwhile. */
  private background = false;
  private aborted = false;

  constructor(private readonly path: string) {
    this.file = new ChunkedFile(`${path}.tmp-${process.pid}`);
    this.file.write('[');
  }

  /**
   * One element, already serialized (JSON.stringify never leaves a raw newline in it), or the bytes
   * of one copied from an earlier documents.json. Returns where its bytes landed.
   */
  write(json: string | Uint8Array): [number, number] {
    this.file.write(this.count++ ? ',\n' : '\n');
    const start = this.file.offset;
    this.file.write(json);
    return [start, this.file.offset];
  }

  close(): void {
    this.file.write(this.count ? '\n]\n' : ']\n');
    this.file.close();
    renameSync(this.file.path, this.path);
  }

  /**
   * The remaining elements and the end written on libuv's thread pool, then the rename: this thread
   * goes on (a re-run writes graph.json meanwhile). Where each element lands is known at once.
   */
  closeInBackground(elements: (string | Uint8Array)[]): { ranges: [number, number][]; done: Promise<void> } {
    const parts: Uint8Array[] = [];
    const ranges: [number, number][] = [];
    let offset = this.file.offset;
    const add = (piece: string | Uint8Array) => {
      const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
      const last = parts.at(-1);
      // Elements copied from one earlier documents.json lie there one after another, the separator
      // between: such a run goes out as one range, so that all of it is one request to the pool.
      if (last && last.buffer === bytes.buffer && last.byteOffset + last.byteLength === bytes.byteOffset) parts[parts.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.byteLength + bytes.byteLength);
      else parts.push(bytes);
      offset += bytes.byteLength;
    };
    for (const json of elements) {
      const separator = this.count++ ? SEPARATOR : FIRST;
      // The separator as the earlier file has it, right before this element, joins the run.
      add((typeof json === 'string' ? undefined : precededBy(json, separator)) ?? separator);
      const start = offset;
      add(json);
      ranges.push([start, offset]);
    }
    add(this.count ? '\n]\n' : ']\n');
    const tmp = this.file.path;
    this.background = true;
    const done = this.file.closeInBackground(parts).then(
      // Aborted meanwhile (the build failed): the previous documents.json stays.
      () => (this.aborted ? rm(tmp, { force: true }) : rename(tmp, this.path)),
      async (err: unknown) => {
        await rm(tmp, { force: true });
        throw err;
      },
    );
    return { ranges, done };
  }

  abort(): void {
    this.aborted = true;
    if (!this.background) this.file.abort();
  }
}

export function writeJSON(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}

/**
 * A whole file, read by one request on libuv's thread pool: it goes on while this thread is busy
 * (fs.promises.readFile reads in 512 KiB steps, each waiting for this thread to ask for the next).
 */
export function readInBackground(path: string): Promise<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    return Promise.reject(err);
  }
  const size = fstatSync(fd).size;
  const buffer = Buffer.allocUnsafe(size);
  return new Promise((resolve, reject) => {
    read(fd, buffer, 0, size, 0, (err, got) => {
      try {
        if (err) throw err;
        // A short read (rare on regular files) is finished here; a file that shrank meanwhile ends early.
        let n = got;
        while (n < size) {
          const more = readSync(fd, buffer, n, size - n, n);
          if (more === 0) break;
          n += more;
        }
        resolve(n < size ? buffer.subarray(0, n) : buffer);
      } catch (e) {
        reject(e);
      } finally {
        closeSync(fd);
      }
    });
  });
}

/** `bytes` in the buffer they are a view of, when `prefix` lies right before them there. */
function precededBy(bytes: Uint8Array, prefix: Uint8Array): Uint8Array | undefined {
  if (bytes.byteOffset < prefix.byteLength) return undefined;
  const before = new Uint8Array(bytes.buffer, bytes.byteOffset - prefix.byteLength, prefix.byteLength);
  return Buffer.compare(before, prefix) === 0 ? before : undefined;
}

// documents.json, written as it goes: a JSON array with one Document a line, so that no build holds
// every document's text, and a reader may stream it line by line. It is written to a temporary file
// and renamed at the end: an interrupted build leaves the previous documents.json intact.
import { renameSync, writeFileSync } from 'node:fs';
import { ChunkedFile } from '../graph/io.ts';

export class JsonArrayWriter {
  private readonly file: ChunkedFile;
  private count = 0;

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

  abort(): void {
    this.file.abort();
  }
}

export function writeJSON(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}

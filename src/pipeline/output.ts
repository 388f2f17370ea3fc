// documents.json, written as it goes: a JSON array with one Document a line, so that no build holds
// every document's text, and a reader may stream it line by line. It is written to a temporary file
// and renamed at the end: an interrupted build leaves the previous documents.json intact.
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';

export class JsonArrayWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private count = 0;

  constructor(private readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.fd = openSync(this.tmp, 'w');
    writeSync(this.fd, '[');
  }

  /** One element, already serialized (JSON.stringify never leaves a raw newline in it). */
  write(json: string): void {
    writeSync(this.fd, `${this.count++ ? ',' : ''}\n${json}`);
  }

  close(): void {
    writeSync(this.fd, this.count ? '\n]\n' : ']\n');
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    closeSync(this.fd);
    rmSync(this.tmp, { force: true });
  }
}

export function writeJSON(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}

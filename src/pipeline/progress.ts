// Progress of a build on stderr: documents/s, MB/s and an ETA from the bytes still to read.
// Drawn only on a terminal; a pipe or a log file gets the summary alone.
import { Presets, SingleBar } from 'cli-progress';
import type { BuildProgress } from './build.ts';
import type { IngestError } from '../types.ts';

export interface ProgressView {
  update(p: BuildProgress): void;
  stop(): void;
}

const MB = 1024 * 1024;

export function progressBar(stream: NodeJS.WriteStream, enabled = !!stream.isTTY): ProgressView {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new SingleBar(
    {
      stream,
      format: 'build [{bar}] {percentage}% | {docs} docs ({cached} cached, {failed} failed) | {docsPerSec} docs/s | {mbPerSec} MB/s | ETA {etaText}',
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const seconds = Math.max(p.elapsedMs / 1000, 0.001);
      const rate = p.bytes / seconds;
      const eta = rate > 0 ? Math.round((p.totalBytes - p.bytes) / rate) : NaN;
      const payload = {
        docs: p.documents,
        cached: p.cached,
        failed: p.failed,
        docsPerSec: (p.documents / seconds).toFixed(1),
        mbPerSec: (rate / MB).toFixed(2),
        etaText: Number.isFinite(eta) ? formatSeconds(eta) : '…',
      };
      const total = Math.max(1, Math.round(p.totalBytes / 1024));
      if (!started) bar.start(total, 0, payload);
      started = true;
      bar.update(Math.min(total, Math.round(p.bytes / 1024)), payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Failures listed on the terminal; the rest are counted (all of them are in failures.json). */
const SHOWN_FAILURES = 20;

/** A headline, then the first failures one a line. */
export function listFailures(stream: NodeJS.WritableStream, headline: string, failures: IngestError[]): void {
  stream.write(`${headline}:\n`);
  for (const f of failures.slice(0, SHOWN_FAILURES)) stream.write(`  ${f.path}: ${f.message}\n`);
  if (failures.length > SHOWN_FAILURES) stream.write(`  … and ${failures.length - SHOWN_FAILURES} more\n`);
}

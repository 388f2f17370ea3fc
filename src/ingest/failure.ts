// A reason one input cannot be read: becomes one IngestError, the batch goes on.
import { errorMessage } from '../util/errors.ts';

export class IngestFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestFailure';
  }
}

/** One line, no stack: the first line of whatever was thrown. */
export function oneLine(err: unknown): string {
  return errorMessage(err).split('\n')[0].trim() || 'unknown error';
}

/** `cannot read: ENOENT …` for file-system errors; the message itself for our own failures. */
export function describeFailure(err: unknown): string {
  if (err instanceof IngestFailure) return err.message;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const hint: Record<string, string> = {
      ENOENT: 'no such file or directory; check the path',
      EACCES: 'permission denied; check the file permissions',
      EISDIR: 'is a directory',
      ENOTDIR: 'a parent of this path is not a directory',
    };
    return `cannot read: ${code} (${hint[code] ?? oneLine(err)})`;
  }
  return oneLine(err);
}

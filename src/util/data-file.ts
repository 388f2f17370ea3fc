// Reading the project's own data files (lexicons, patterns): a file someone edited into malformed JSON
// gets one line naming it and what to do, not a stack trace.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError, errorMessage } from './errors.ts';

export function readDataJSON<T>(path: string | URL): T {
  const name = typeof path === 'string' ? path : fileURLToPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`${name}: cannot read this data file (${errorMessage(err)}); restore it with \`git checkout -- ${name}\``);
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new UserError(`${name}: malformed JSON (${errorMessage(err)}); fix the file or restore it with \`git checkout -- ${name}\``);
  }
}

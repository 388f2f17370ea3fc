// DOCX → text with mammoth's raw-text reading: the document body's paragraphs, one a line (tables,
// lists and text boxes flattened to their paragraphs), no styling to strip afterwards.
import mammoth from 'mammoth';
import { IngestFailure, oneLine } from './failure.ts';
import { tidyLines } from './text-rules.ts';

export async function docxToText(bytes: Buffer): Promise<string> {
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: bytes }));
  } catch (err) {
    throw new IngestFailure(`corrupt or truncated DOCX: ${oneLine(err)}`);
  }
  return tidyLines(value);
}

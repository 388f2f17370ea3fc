// Every mention's offsets slice exactly its surface out of the cleaned text, on the seed page and on
// the genre documents (government work reports, policies, news); every entity mention slices one of
// the entity's forms.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, isIngestError } from '../../src/ingest/index.ts';
import { cleanDocument } from '../../src/clean/index.ts';
import { extractMentions } from '../../src/extract/index.ts';
import { resolveDocument } from '../../src/resolve/entities.ts';
import type { RawDocument } from '../../src/types.ts';
import { lexicon } from './helpers.ts';

const GENRE = '/work/shared/corpus/genre';
const strip = (s: string) => s.replace(/[《》“”"\s]/g, '');

async function rawDocuments(): Promise<RawDocument[]> {
  const inputs = ['data/corpus/seed.txt', ...readdirSync(GENRE).filter((f) => f.endsWith('.txt')).sort().map((f) => join(GENRE, f))];
  const docs: RawDocument[] = [];
  for await (const item of ingest(inputs)) {
    if (isIngestError(item)) throw new Error(`${item.path}: ${item.message}`);
    docs.push(item);
  }
  return docs;
}

describe('mention offsets', async () => {
  const raws = await rawDocuments();

  it('reads the seed page and every genre document', () => {
    expect(raws.length).toBeGreaterThanOrEqual(11);
  });

  for (const raw of raws) {
    it(`slice their surface and lie in their sentence: ${raw.path.split('/').pop()}`, () => {
      const doc = cleanDocument(raw);
      const { mentions } = extractMentions(doc, lexicon);
      expect(mentions.length).toBeGreaterThan(10);
      for (const m of mentions) {
        expect(doc.text.slice(m.start, m.end), `${m.type} ${m.surface}`).toBe(m.surface);
        const s = doc.sentences[m.sentence];
        if (m.source !== 'byline') expect(s && s.start <= m.start && m.end <= s.end, `${m.surface} in sentence ${m.sentence}`).toBe(true);
      }
      const entities = resolveDocument(doc, mentions, lexicon);
      for (const e of entities) {
        const forms = new Set([e.name, ...e.aliases].map(strip));
        for (const ref of e.mentions) {
          expect(ref.doc).toBe(doc.id);
          expect(forms.has(strip(doc.text.slice(ref.start, ref.end))), `${e.key}: ${doc.text.slice(ref.start, ref.end)}`).toBe(true);
        }
      }
    });
  }
});

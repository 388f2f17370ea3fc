// The real report corpora in their containers: JSONL and CSV records, each its own document,
// through the parallel build.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/pipeline/build.ts';
import { readDocuments, REPORTS, tempDir } from '../pipeline/helpers.ts';

const PROVINCIAL = join(REPORTS, 'provincial-2026');

describe('container corpora', () => {
  it('builds each CSV record and JSONL line as its own document, with its title and id', async () => {
    const dir = tempDir('zt-scale-');
    // The first four national reports (two of them short) as a JSONL of their own, to keep the test short.
    const national = join(dir, 'national.jsonl');
    const lines = readFileSync(join(REPORTS, 'national/government_work_reports.jsonl'), 'utf8').split('\n').slice(0, 4);
    writeFileSync(national, lines.join('\n') + '\n');
    const csv = join(PROVINCIAL, '2026_河北省_政府工作报告.csv');
    const manifest = join(PROVINCIAL, 'run_manifest_2026.csv');
    const out = join(dir, 'out');
    const result = await build([national, csv, manifest], { out, workers: 2, ingest: { textField: 'full_text' } });
    // --text-field full_text names the CSV column; the JSONL has `content`: each record says so, by line.
    const messages = result.failures.map((f) => `${f.path}: ${f.message}`);
    expect(messages).toContain(`${national}: record 3 (line 3): no field "full_text"`);
    expect(messages.some((m) => m.startsWith(`${manifest}: header has no field "full_text"`))).toBe(true);
    expect(result.documents.map((d) => d.path)).toEqual([`${csv}#1`]);

    const again = await build([national, csv], { out: join(dir, 'out2'), workers: 2, ingest: { textField: 'content', titleField: 'title', idField: 'year' } });
    // The CSV has no `content` column; the JSONL's records are named by their year where they have one.
    expect(again.documents.map((d) => d.path)).toEqual([`${national}#2025`, `${national}#2`, `${national}#2024`, `${national}#4`]);
    expect(again.documents[0].title).toContain('2025年');
    const ids = new Set(again.documents.map((d) => d.id));
    expect(ids.size).toBe(4);
    const docs = readDocuments(join(dir, 'out2'));
    expect(docs.map((d) => d.path)).toEqual(again.documents.map((d) => d.path));
    expect(docs[0].text.length).toBeGreaterThan(10_000);
    expect(again.graph.order).toBeGreaterThan(50);
  });
});

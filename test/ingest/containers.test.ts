import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CsvParser, parseCsv } from '../../src/ingest/csv.ts';
import { documentId } from '../../src/ingest/index.ts';
import { collect, tempTree } from './helpers.ts';

const corpus = join('..', 'shared', 'corpus', 'reports');

describe('JSONL', () => {
  it('one document per line; a corrupt line is reported with its line number and the rest continue', async () => {
    const lines = [
      JSON.stringify({ title: '第一篇', content: '第一篇正文。', year: 2024 }),
      '',
      '{"title": "坏行", "content": "没有结束',
      JSON.stringify({ title: '第三篇', content: '第三篇正文。\r\n第二段。' }),
      '[1, 2]',
      JSON.stringify({ title: '无正文', summary: '只有摘要' }),
    ];
    const dir = tempTree({ 'docs.jsonl': lines.join('\n') + '\n' });
    const file = join(dir, 'docs.jsonl');
    const { docs, errors } = await collect([file]);
    expect(docs.map((d) => [d.path, d.text, d.meta.title, d.meta.line])).toEqual([
      [`${file}#1`, '第一篇正文。', '第一篇', '1'],
      [`${file}#3`, '第三篇正文。\n第二段。', '第三篇', '4'],
    ]);
    expect(docs[0]).toMatchObject({ id: documentId('第一篇正文。'), format: 'jsonl', meta: { year: '2024', textField: 'content', record: '1' } });
    expect(errors).toEqual([
      { path: file, message: expect.stringMatching(/^line 3: invalid JSON \(.+\); record skipped$/) },
      { path: file, message: 'line 5: not a JSON object; record skipped' },
      { path: file, message: expect.stringMatching(/^record 5 \(line 6\): no text field \(tried content, full_text, text\)/) },
    ]);
  });

  it('honours textField, titleField and idField', async () => {
    const dir = tempTree({ 'x.jsonl': [{ no: 'a1', body: '甲文', name: '甲' }, { no: 'b2', body: '乙文', name: '乙' }].map((r) => JSON.stringify(r)).join('\n') });
    const file = join(dir, 'x.jsonl');
    const { docs, errors } = await collect([file], { textField: 'body', titleField: 'name', idField: 'no' });
    expect(errors).toEqual([]);
    expect(docs.map((d) => [d.path, d.text, d.meta.title])).toEqual([
      [`${file}#a1`, '甲文', '甲'],
      [`${file}#b2`, '乙文', '乙'],
    ]);
  });

  it('a file whose first record has no text field is one error, not one per record', async () => {
    const dir = tempTree({ 'meta.jsonl': '{"a":1}\n{"a":2}\n{"a":3}\n' });
    const { docs, errors } = await collect([dir]);
    expect(docs).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/--text-field/);
  });

  it('ingests the 72 national government work reports', async () => {
    const file = join(corpus, 'national', 'government_work_reports.jsonl');
    const { docs, errors } = await collect([file]);
    expect(errors).toEqual([]);
    expect(docs).toHaveLength(72);
    expect(new Set(docs.map((d) => d.id)).size).toBe(72);
    for (const d of docs) {
      expect(d.text.length).toBeGreaterThan(200); // some records are the short NPC resolutions on the report
      expect(d.meta.title).toMatch(/政府工作报告/);
    }
  });
});

describe('CSV', () => {
  it('parses quoted fields with newlines, commas and doubled quotes the same at any chunk boundary', () => {
    const text = 'id,full_text\r\n1,"第一行\r\n第二行, 含逗号 ""引号"""\n\n2,plain\n3,"a""b"x\n';
    const whole = parseCsv(text);
    expect(whole).toEqual([
      { fields: ['id', 'full_text'], line: 1 },
      { fields: ['1', '第一行\r\n第二行, 含逗号 "引号"'], line: 2 },
      { fields: ['2', 'plain'], line: 5 },
      { fields: ['3', 'a"bx'], line: 6 },
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new CsvParser();
      expect([...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()]).toEqual(whole);
    }
  });

  it('one document per record, multi-line text kept, bad records reported by line', async () => {
    const csv = '\ufeffprovince,title,full_text\n甲省,甲省报告,"各位代表：\n现在，我代表省人民政府报告工作。"\n乙省,乙省报告\n丙省,丙省报告,"丙省正文"\n';
    const dir = tempTree({ 'r.csv': csv });
    const file = join(dir, 'r.csv');
    const { docs, errors } = await collect([file]);
    expect(docs.map((d) => [d.path, d.text, d.meta.title, d.meta.province])).toEqual([
      [`${file}#1`, '各位代表：\n现在，我代表省人民政府报告工作。', '甲省报告', '甲省'],
      [`${file}#3`, '丙省正文', '丙省报告', '丙省'],
    ]);
    expect(errors).toEqual([{ path: file, message: 'record 2 (line 4): 2 fields, the header has 3; record skipped' }]);
  });

  it('an unterminated quoted field is reported after the records before it', async () => {
    const dir = tempTree({ 'cut.csv': 'text\n"完整记录"\n"没有结束的引号\n更多' });
    const { docs, errors } = await collect([dir]);
    expect(docs.map((d) => d.text)).toEqual(['完整记录']);
    expect(errors[0].message).toBe('corrupt CSV: unterminated quoted field starting on line 3');
  });

  it('ingests the 31 provincial reports; the collector manifest has no text column and says so', async () => {
    const { docs, errors } = await collect([join(corpus, 'provincial-2026', '*.csv')]);
    expect(docs).toHaveLength(31);
    expect(new Set(docs.map((d) => d.meta.province)).size).toBe(31);
    for (const d of docs) {
      expect(d.path).toMatch(/_政府工作报告\.csv#1$/);
      expect(d.text.split('\n').length).toBeGreaterThan(20);
    }
    expect(errors).toEqual([{ path: expect.stringMatching(/run_manifest_2026\.csv$/), message: expect.stringMatching(/^header has no text field/) }]);
  });
});

// `zhengtu report`: graph → ReportModel → report.md and report.html.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeGraph } from '../graph/io.ts';
import { UserError, errorMessage } from '../util/errors.ts';
import { buildReportModel } from './build.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import type { ReportModel } from './model.ts';

export { buildReportModel } from './build.ts';
export { renderHtml } from './html.ts';
export { renderMarkdown } from './markdown.ts';
export type { ReportModel } from './model.ts';

export const REPORT_FORMATS = ['md', 'html', 'both'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  outDir: string;
  /** Name or alias: report that entity's 2-hop neighbourhood only. */
  entity?: string;
  format?: ReportFormat;
  /** Where the graph was read from (shown in the "how built" line). */
  source?: string;
}

export interface ReportResult {
  model: ReportModel;
  /** Paths written. */
  files: string[];
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function writeReport(graph: KnowledgeGraph, options: ReportOptions): ReportResult {
  const format = options.format ?? 'both';
  if (!REPORT_FORMATS.includes(format)) {
    throw new UserError(`unknown report format "${format}"; use one of ${REPORT_FORMATS.join(', ')}`);
  }
  const model = buildReportModel(graph, { entity: options.entity, source: options.source });
  // Render both before writing either, so a failure never leaves one new file beside one old one.
  const outputs: [string, string][] = [];
  if (format !== 'html') outputs.push([join(options.outDir, 'report.md'), renderMarkdown(model)]);
  if (format !== 'md') outputs.push([join(options.outDir, 'report.html'), renderHtml(model)]);
  try {
    mkdirSync(options.outDir, { recursive: true });
    for (const [path, text] of outputs) writeAtomically(path, text);
  } catch (err) {
    throw new UserError(`${options.outDir}: cannot write the report (${errorMessage(err)}); choose another --out directory`);
  }
  return { model, files: outputs.map(([path]) => path) };
}

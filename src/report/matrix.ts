// Policy / program → industry matrix from TARGETS relations: rows are what targets, columns what is targeted,
// each cell the relation's evidence anchor.
import type { ReportContext } from './context.ts';
import type { EntityRef, Matrix } from './model.ts';

const MAX_ROWS = 60;
const MAX_COLUMNS = 24;

/** Keys ranked by how many relations they take part in, then by name. */
function ranked(context: ReportContext, counts: Map<string, number>, limit: number): [EntityRef[], number] {
  const refs = [...counts.keys()].map((k) => context.refs.get(k)!);
  refs.sort((a, b) => counts.get(b.key)! - counts.get(a.key)! || context.compareRefs(a, b));
  return [refs.slice(0, limit), Math.max(0, refs.length - limit)];
}

export function matrix(context: ReportContext): Matrix {
  const targets = context.relations.filter((r) => r.type === 'TARGETS');
  const rowCounts = new Map<string, number>();
  const columnCounts = new Map<string, number>();
  for (const r of targets) {
    rowCounts.set(r.source, (rowCounts.get(r.source) ?? 0) + 1);
    columnCounts.set(r.target, (columnCounts.get(r.target) ?? 0) + 1);
  }
  const [rows, omittedRows] = ranked(context, rowCounts, MAX_ROWS);
  const [columns, omittedColumns] = ranked(context, columnCounts, MAX_COLUMNS);
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));
  const columnIndex = new Map(columns.map((c, i) => [c.key, i]));
  const cells: Matrix['cells'] = rows.map(() => columns.map(() => null));
  for (const r of targets) {
    const i = rowIndex.get(r.source);
    const j = columnIndex.get(r.target);
    if (i === undefined || j === undefined) continue;
    cells[i][j] = { evidence: r.anchor, sentences: r.evidence.length };
  }
  return { rows, columns, cells, omittedRows, omittedColumns };
}

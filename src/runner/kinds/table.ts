// The "table" kind: console.table and show.table. Cells are text, formatted in the worker.
import { el } from './dom';
import { capText, formatValue, isLink, isNetwork } from './format';
import type { KindData, KindView } from './kind';
import type { LogEntry } from './log';
import { LIMITS } from './protocol';

export interface TableEntry {
  kind: 'table';
  columns: string[];
  rows: string[][];
  title?: string;
}

const MAX_COLUMNS = 20;
const MAX_CELL_CHARS = 200;

function cell(v: unknown): string {
  return capText(typeof v === 'string' ? v : formatValue(v, false)).slice(0, MAX_CELL_CHARS);
}

/** Worker side: rows of objects, rows of arrays, or an object of rows. Not a table: a log line. */
export function build(rows: unknown, columnsWanted?: string[], title?: string): TableEntry | LogEntry {
  if (!rows || typeof rows !== 'object') return { kind: 'log', level: 'log', text: formatValue(rows) };
  const entries: [string, unknown][] = Array.isArray(rows)
    ? rows.slice(0, LIMITS.maxLines).map((r, i) => [String(i), r])
    : Object.entries(rows).slice(0, LIMITS.maxLines);
  // A row is spread into columns when it is a plain record; anything else goes in "Values".
  const isRecord = (row: unknown): row is Record<string, unknown> => !!row && typeof row === 'object' && !isNetwork(row) && !isLink(row);
  const cols: string[] = [];
  let hasValues = false;
  for (const [, row] of entries) {
    if (isRecord(row)) {
      for (const k of Object.keys(row)) if (!cols.includes(k) && cols.length < MAX_COLUMNS) cols.push(k);
    } else hasValues = true;
  }
  const columns = columnsWanted?.length ? columnsWanted.slice(0, MAX_COLUMNS).map(String) : cols;
  const header = ['(index)', ...columns, ...(hasValues ? ['Values'] : [])];
  const body = entries.map(([k, row]) => {
    const r = [k];
    const isObj = isRecord(row);
    for (const c of columns) r.push(isObj && c in row ? cell(row[c]) : '');
    if (hasValues) r.push(isObj ? '' : cell(row));
    return r;
  });
  return { kind: 'table', columns: header, rows: body, ...(title ? { title: String(title).slice(0, MAX_CELL_CHARS) } : {}) };
}

/** Text columns separated by │, each padded to its widest cell; trailing spaces trimmed. */
function text(e: TableEntry): string {
  const widths = e.columns.map((c, i) => Math.max(c.length, ...e.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i] ?? 0)).join(' │ ').trimEnd();
  return [line(e.columns), ...e.rows.map(line)].join('\n');
}

export const data: KindData<TableEntry> = {
  size: (e) => ({
    lines: e.rows.length + 1,
    chars: e.rows.reduce((n, r) => n + r.reduce((m, c) => m + c.length + 1, 0), 0) + e.columns.join(' ').length,
  }),
  text,
};

export const view: KindView<TableEntry> = {
  render(e) {
    const wrap = el('div', 'snippet-table');
    const table = el('table');
    if (e.title) table.appendChild(el('caption', undefined, e.title));
    const thead = el('thead');
    const hr = el('tr');
    for (const c of e.columns) {
      const th = el('th', undefined, c);
      th.scope = 'col';
      hr.appendChild(th);
    }
    thead.appendChild(hr);
    table.appendChild(thead);
    const tbody = el('tbody');
    for (const r of e.rows) {
      const tr = el('tr');
      r.forEach((c, i) => tr.appendChild(el(i === 0 ? 'th' : 'td', undefined, c)));
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    wrap.appendChild(table);
    return wrap;
  },
};

export type CsvValue = string | number | boolean | Date | null | undefined;

// A spreadsheet runs a cell that starts with one of these as a formula: an organization named
// "=HYPERLINK(...)" by a requester must reach the manager as text (OWASP's CSV injection advice).
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (cells: readonly CsvValue[]) => cells.map(field).join(',') + '\r\n';

/** RFC 4180 lines, one per row in `columns` order, each ended by CRLF; a download sends them page by page. */
export function csvLines(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  return rows.map((row) => line(columns.map((column) => row[column]))).join('');
}

/** RFC 4180 text: a header line, then one line per row. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  return line(columns) + csvLines(columns, rows);
}

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

/** RFC 4180 text: a header line, then one line per row in `columns` order, lines ended by CRLF. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns, ...rows.map((row) => columns.map((column) => row[column]))];
  return lines.map((line) => line.map(field).join(',') + '\r\n').join('');
}

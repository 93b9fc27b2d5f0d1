import type { Knex } from 'knex';
import { z } from 'zod';
import { priorities } from '../../domain/priority';
import type { Db } from '../../lib/db';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** A report's answer: its rows and, for aggregates, the same measures over every row at once. */
export interface ReportResult {
  rows: Row[];
  total?: Row;
  /** A list answered a page at a time: where the next page starts, absent on the last. */
  next?: string;
}

export interface Column {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date-time';
  nullable?: boolean;
  description: string;
}

const day = z.iso.date({ error: 'a date, YYYY-MM-DD' });

/**
 * What every report is filtered by; which time the period bounds is each report's own (docs/reports.md). A
 * report with filters of its own adds them with `safeExtend`, which keeps the period's check.
 */
export const reportQuery = z
  .strictObject({
    from: day.optional().describe('first day of the period (UTC), inclusive'),
    to: day.optional().describe('last day of the period (UTC), inclusive; on or after `from` (else 422)'),
    organization: z.string().min(1).optional(),
    priority: z.enum(priorities).optional(),
    format: z
      .enum(['json', 'csv'])
      .optional()
      .describe('csv: a download of the same rows (or Accept: text/csv)'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'on or after from',
  });

export type ReportQuery = z.infer<typeof reportQuery>;
/** A paged report's `limit` and `after` (the previous page's `next`); no other report's query takes them. */
export type ReportFilters = Omit<ReportQuery, 'format'> & { limit?: number; after?: string };

export interface Report<F extends ReportFilters = ReportFilters> {
  /** The path segment (`/reports/<name>`) and the CSV file's name. */
  name: string;
  summary: string;
  query: z.ZodType<F & { format?: 'json' | 'csv' }>;
  /** The columns a row is grouped by (empty for a list), then what is measured. */
  groupBy: Column[];
  measures: Column[];
  /** A list too long for one answer: `run` answers `limit` rows from `after`, and `next` when more follow. */
  paged?: { defaultLimit: number; maxLimit: number };
  run(db: Db, filters: F): Promise<ReportResult>;
}

/** The organization and priority filters on tickets `t`, and the period on `timeColumn`. */
export function filtered(query: Knex.QueryBuilder, filters: ReportFilters, timeColumn: string) {
  if (filters.organization !== undefined) query.where('t.organization', filters.organization);
  if (filters.priority !== undefined) query.where('t.priority', filters.priority);
  if (filters.from !== undefined) query.where(timeColumn, '>=', `${filters.from}T00:00:00Z`);
  if (filters.to !== undefined) {
    const next = new Date(`${filters.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    query.where(timeColumn, '<', next.toISOString());
  }
  return query;
}

/**
 * The place of `expression`'s value (SQL written here, never input) in `values` (stages, tiers), to order
 * rows as the procedure runs rather than by name.
 */
export function positionIn(db: Db, expression: string, values: readonly string[]): Knex.Raw {
  return db.raw(`array_position(?::text[], ${expression})`, [[...values]]);
}

/** The row pg answered, its instants as ISO text: changed in place, since a year's download is 100 000 rows. */
function cells(row: Record<string, unknown>): Row {
  for (const key in row) {
    const value = row[key];
    if (value instanceof Date) row[key] = value.toISOString();
  }
  return row as Row;
}

/** Every row of a paged report, a page at a time, for a download that holds them all. */
export async function* everyPage(report: Report, db: Db, filters: ReportFilters): AsyncGenerator<Row[]> {
  let after: string | undefined;
  do {
    const page = await report.run(db, { ...filters, limit: report.paged?.maxLimit, after });
    yield page.rows;
    after = page.next;
  } while (after);
}

export async function listRows(query: Knex.QueryBuilder): Promise<ReportResult> {
  const rows: Record<string, unknown>[] = await query;
  return { rows: rows.map(cells) };
}

/**
 * Runs a query grouped by `GROUPING SETS ((<groupBy>), ())` that selects `grand` (true on the row of the
 * empty set): the groups are the rows, the empty set's row is the total over all of them.
 */
async function rowsWithTotal(query: Knex.QueryBuilder, groupBy: Column[]): Promise<ReportResult> {
  const found: Record<string, unknown>[] = await query;
  const result: ReportResult = { rows: [] };
  for (const { grand, ...row } of found) {
    if (!grand) result.rows.push(cells(row));
    else result.total = cells(Object.fromEntries(Object.entries(row).filter(([key]) => !isGroup(key))));
  }
  return result;

  function isGroup(key: string) {
    return groupBy.some((column) => column.name === key);
  }
}

/**
 * A report of grouped rows and their total: `grouped` is a query as rowsWithTotal runs it, and the columns
 * it groups by are named once, for the answer's description and for taking them out of the total.
 */
export function groupedReport<F extends ReportFilters>({
  grouped,
  ...report
}: Omit<Report<F>, 'run'> & { grouped(db: Db, filters: F): Knex.QueryBuilder }): Report<F> {
  return { ...report, run: (db, filters) => rowsWithTotal(grouped(db, filters), report.groupBy) };
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../lib/db';
import { eventRow, recordedBreaches, ticketRow } from '../lib/ticket-rows';
import { historyTicket, seededRandom } from './history-tickets';

export interface HistoryOptions {
  /** Closed tickets to write. */
  tickets: number;
  /** Received in [start, end). */
  start: Date;
  end: Date;
  /** Numbered `TF-<firstNumber>` on, clear of the numbers the desk's sequence hands out. */
  firstNumber: number;
  seed?: number;
  /** Tickets per INSERT. */
  batch?: number;
}

/**
 * Writes a year of closed tickets straight into PostgreSQL, with the rows the projection writes (tickets,
 * ticket_events) and the survey answers, a batch at a time, then VACUUMs and ANALYZEs them. One JSON parameter per
 * table and batch (`jsonb_populate_recordset`) keeps a batch to one round trip and one parse.
 */
export async function seedHistory(db: Db, options: HistoryOptions): Promise<void> {
  const random = seededRandom(options.seed ?? 20261205);
  const batch = options.batch ?? 2000;
  const jsonbColumns = await jsonbColumnsOf(db, ['tickets', 'ticket_events']);
  for (let first = 0; first < options.tickets; first += batch) {
    const tickets: Record<string, unknown>[] = [];
    const events: Record<string, unknown>[] = [];
    const answers: Record<string, unknown>[] = [];
    for (let i = first; i < Math.min(first + batch, options.tickets); i++) {
      const {
        snapshot,
        events: timeline,
        csat,
      } = historyTicket(`TF-${options.firstNumber + i}`, options.start, options.end, random);
      tickets.push({
        ...ticketRow(snapshot, timeline.at(-1)!.at),
        recorded_breaches: recordedBreaches(timeline),
      });
      events.push(...timeline.map((e) => eventRow(snapshot.number, e)));
      if (csat) {
        answers.push({
          ticket_number: snapshot.number,
          score: csat.score,
          comment: csat.comment,
          submitted_at: csat.submittedAt,
        });
      }
    }
    await db.transaction(async (trx) => {
      // Flushed at commit even on a cluster that commits asynchronously (the tests'): VACUUM marks a page
      // all-visible, which index-only scans need, only once the commits of its rows are on disk.
      await trx.raw('SET LOCAL synchronous_commit = on');
      await insertRows(trx, 'tickets', tickets, jsonbColumns);
      await insertRows(trx, 'ticket_events', events, jsonbColumns);
      await insertRows(trx, 'csat_responses', answers, jsonbColumns);
    });
  }
  // As autovacuum would in time: a visibility map for index-only scans, then statistics for the planner.
  // One table per VACUUM: within one VACUUM ANALYZE of several, the first table's ANALYZE holds a snapshot
  // that keeps the next tables' new pages from being marked all-visible.
  for (const table of ['tickets', 'ticket_events', 'csat_responses']) await vacuumUntilAllVisible(db, table);
  await db.raw('ANALYZE tickets, ticket_events, csat_responses');
}

/**
 * Autovacuum may be analyzing the table just filled, beside us: its snapshot keeps the newest pages from being
 * marked all-visible, and a plan then reads the table rather than the index. So VACUUM again, a bounded number
 * of times, until every page is.
 */
async function vacuumUntilAllVisible(db: Db, table: string): Promise<void> {
  for (let attempt = 1; attempt <= 20; attempt++) {
    await db.raw('VACUUM ??', [table]);
    const { rows } = await db.raw<{ rows: { relpages: number; relallvisible: number }[] }>(
      'SELECT relpages, relallvisible FROM pg_class WHERE oid = ?::regclass',
      [table],
    );
    if (rows[0]!.relallvisible >= rows[0]!.relpages) return;
    await sleep(500);
  }
}

async function jsonbColumnsOf(db: Db, tables: string[]): Promise<Set<string>> {
  const found: { table_name: string; column_name: string }[] = await db('information_schema.columns')
    .select('table_name', 'column_name')
    .whereIn('table_name', tables)
    .andWhere('udt_name', 'jsonb');
  return new Set(found.map((column) => `${column.table_name}.${column.column_name}`));
}

/** The rows as one JSON array; a jsonb column's value is already JSON text and goes in as it is. */
async function insertRows(db: Db, table: string, rows: Record<string, unknown>[], jsonb: Set<string>) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const json = (row: Record<string, unknown>) =>
    `{${columns
      .map((column) => {
        const value = row[column];
        const raw = jsonb.has(`${table}.${column}`) && value !== null;
        return `${JSON.stringify(column)}:${raw ? String(value) : JSON.stringify(value ?? null)}`;
      })
      .join(',')}}`;
  await db.raw(
    `INSERT INTO ?? (${columns.map(() => '??').join(', ')})
     SELECT ${columns.map(() => '??').join(', ')} FROM jsonb_populate_recordset(NULL::??, ?::jsonb)`,
    [table, ...columns, ...columns, table, `[${rows.map(json).join(',')}]`],
  );
}

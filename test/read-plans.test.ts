import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../bench/seed-history';
import { reports } from '../desk/reports';
import { findTicket, listTickets } from '../desk/tickets/reads';
import { listWorkQueue } from '../desk/tickets/work-queue';
import { createDb, type Db } from '../lib/db';
import { useOwnDatabase } from './support/own-database';
import { plansOf, tableReads } from './support/query-plans';

// The plans PostgreSQL chooses on a year of closed tickets, ANALYZEd: each read goes through the index made
// for it (migration 20261205_014) rather than the whole table. Names of plan nodes, never times.

const TICKETS = 12_000;
const FIRST_NUMBER = 940_000_001;
const month = { from: '2026-11-01', to: '2026-11-30' };
const year = { from: '2025-12-01', to: '2026-11-30' };

/**
 * The index each report reads a month's rows through. A year's may come from the table when it is all of it
 * (every survey answer), but never from the whole of tickets or ticket_events.
 */
const reportIndexes: Record<string, string> = {
  'sla-compliance': 'Index Only Scan tickets_received_outcomes',
  'resolution-time': 'Index Only Scan tickets_closed',
  escalations: 'Index Only Scan ticket_events_escalations',
  breaches: 'Index Only Scan ticket_events_breaches',
  csat: 'csat_responses_submitted',
  backlog: 'Index Scan tickets_work_queue',
};

let db: Db;

beforeAll(async () => {
  db = createDb(await useOwnDatabase('plans'), { max: 2 });
  await seedHistory(db, {
    tickets: TICKETS,
    start: new Date('2025-12-01T00:00:00Z'),
    end: new Date('2026-12-01T00:00:00Z'),
    firstNumber: FIRST_NUMBER,
  });
}, 300_000);

afterAll(() => db?.destroy());

const readsOf = async (read: (db: Db) => Promise<unknown>) => (await plansOf(db, read)).map(tableReads);

describe('reports over a year of closed tickets', () => {
  it('has every report in the table above', () => {
    expect(Object.keys(reportIndexes).sort()).toEqual(reports.map((report) => report.name).sort());
  });

  for (const report of reports) {
    for (const [label, period] of Object.entries({ month, year })) {
      it(`${report.name} for a ${label} reads its index, neither tickets nor events whole`, async () => {
        const [reads] = await readsOf((db) => report.run(db, { ...period, period: 'month' } as never));
        if (period === month)
          expect(reads).toContainEqual(expect.stringContaining(reportIndexes[report.name]!));
        expect(reads).not.toContain('Seq Scan tickets');
        expect(reads).not.toContain('Seq Scan ticket_events');
      });
    }
  }
});

describe('the desk’s reads', () => {
  // One statement each: the page, and the count of all that match beside it.
  it('the newest tickets come in order from tickets_newest', async () => {
    const reads = await readsOf((db) => listTickets(db, { limit: 50, offset: 0 }));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain('Index Scan tickets_newest');
  });

  it('the work queue is read in order from tickets_work_queue', async () => {
    const reads = await readsOf((db) => listWorkQueue(db, { limit: 50, offset: 0 }));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain('Index Scan tickets_work_queue');
  });

  it('one ticket is read by its keys: the row, its timeline, its survey answer', async () => {
    const reads = await readsOf((db) => findTicket(db, `TF-${FIRST_NUMBER + 7}`));
    expect(reads.flat()).toEqual([
      expect.stringMatching(/^Index Scan tickets_(pkey|standing)$/),
      'Index Scan ticket_events_pkey',
      'Index Scan csat_responses_pkey',
    ]);
  });
});

describe('the ticket table', () => {
  // Without it a busy desk's counts read most rows from the table again (migration 20261207_015).
  it('is vacuumed once 1 % of it changed, so the counts and reports stay index-only', async () => {
    const { rows } = await db.raw("SELECT reloptions FROM pg_class WHERE relname = 'tickets'");
    expect(rows[0].reloptions).toEqual(
      expect.arrayContaining([
        'autovacuum_vacuum_scale_factor=0.01',
        'autovacuum_vacuum_insert_scale_factor=0.01',
      ]),
    );
  });
});

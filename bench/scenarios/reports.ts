import { reports } from '../../desk/reports';
import { demoPerson } from '../api-client';
import { distribution } from '../measure';
import type { BenchDesk, Plot, Scenario } from '../scenario';
import { seedHistory } from '../seed-history';
import { benchSizes } from '../sizes';
import {
  deepBreachesPage,
  FIRST_NUMBER,
  readsTable,
  timeGet,
  timeReads,
  year,
  type Timed,
} from './reports-reads';

const RUNS = 3;
const month = { from: '2026-11-01', to: '2026-11-30' };
const GOAL_MS = 1000;

/** The indexes migration 20261205_014 adds for the reads: dropped for the baseline, then made again. */
const readIndexes = [
  'tickets_newest',
  'tickets_received_outcomes',
  'tickets_closed',
  'tickets_standing',
  'ticket_events_breaches',
  'ticket_events_escalations',
  'csat_responses_submitted',
];

export const reportsScenario: Scenario = {
  name: 'reports',
  summary:
    'every report, JSON and CSV, for a month and a year over 200 000 closed tickets, with and without its indexes',
  byDefault: false,
  async run(desk, _options, log) {
    const tickets = benchSizes.reportsTickets;
    log(`seeding ${tickets} closed tickets received from ${year.from} to ${year.to}`);
    const seeding = performance.now();
    await seedHistory(desk.db, {
      tickets,
      start: new Date(`${year.from}T00:00:00Z`),
      end: new Date(`${month.to}T23:59:59Z`),
      firstNumber: FIRST_NUMBER,
    });
    const seedSeconds = (performance.now() - seeding) / 1000;
    const rows = await tableRows(desk);

    log(`timing each report ${RUNS} times through the API`);
    const withIndexes = await timeReports(desk, RUNS, ['json', 'csv']);
    const deepPage = await deepBreachesPage(desk);
    const readsWith = await timeReads(desk, deepPage);
    log('dropping the read indexes for the baseline');
    const definitions = await dropReadIndexes(desk);
    let withoutIndexes: Timed[];
    let readsWithout: Timed[];
    try {
      withoutIndexes = await timeReports(desk, 1, ['json']);
      readsWithout = await timeReads(desk, deepPage);
    } finally {
      log('making the read indexes again');
      for (const definition of definitions) await desk.db.raw(definition);
      await desk.db.raw('ANALYZE tickets, ticket_events, csat_responses');
    }
    const baseline = new Map(withoutIndexes.map((timed) => [timed.label, timed.p50]));
    const over = withIndexes.filter((timed) => timed.p50 > GOAL_MS).map((timed) => timed.label);
    return {
      tables: [
        {
          title: `reports through the API (${tickets} closed tickets, ${RUNS} runs each)`,
          columns: ['report', 'p50 ms', 'max ms', 'p50 ms without the read indexes (1 run, JSON)'],
          rows: withIndexes.map((timed) => [
            timed.label,
            timed.p50,
            timed.max,
            baseline.get(timed.label) ?? '',
          ]),
        },
        readsTable(readsWith, readsWithout),
        {
          title: 'the seeded history',
          columns: ['what', 'value'],
          rows: [
            ['seconds to seed (rows straight into PostgreSQL, then VACUUM ANALYZE)', seedSeconds],
            ...rows,
          ],
        },
      ],
      plots: [reportPlot(withIndexes, withoutIndexes)],
      notes: [
        `Each report as a manager reads it: GET /reports/<name> over HTTP, JSON and ?format=csv, for ${month.from}…` +
          `${month.to} and the whole year ${year.from}…${year.to}, p50 and max of ${RUNS} runs. The baseline ` +
          'is the same request with the indexes of migration 20261205_014 dropped, in the same run on the same data; ' +
          'the row columns that migration adds stay, so the baseline is the plan without the indexes, not the old query.',
        over.length === 0
          ? `Goal met: every report within ${GOAL_MS} ms (p50).`
          : `Over the ${GOAL_MS} ms goal (p50): ${over.join(', ')}.`,
      ],
    };
  },
};

async function timeReports(desk: BenchDesk, runs: number, formats: string[]): Promise<Timed[]> {
  const manager = demoPerson(desk, (person) => person.role === 'manager');
  const timed: Timed[] = [];
  for (const report of reports) {
    for (const [period, range] of Object.entries({ month, year })) {
      for (const format of formats) {
        const path = `/reports/${report.name}?from=${range.from}&to=${range.to}&format=${format}`;
        const latencies = [];
        for (let run = 0; run < runs; run++) latencies.push(await timeGet(desk, manager.token, path));
        const { p50, max } = distribution(latencies);
        timed.push({ label: `${report.name} ${period} ${format}`, p50, max });
      }
    }
  }
  return timed;
}

async function dropReadIndexes(desk: BenchDesk): Promise<string[]> {
  const found: { indexdef: string }[] = await desk
    .db('pg_indexes')
    .select('indexdef')
    .whereIn('indexname', readIndexes);
  await desk.db.raw(`DROP INDEX ${readIndexes.map(() => '??').join(', ')}`, readIndexes);
  await desk.db.raw('ANALYZE tickets, ticket_events, csat_responses');
  return found.map((index) => index.indexdef);
}

async function tableRows(desk: BenchDesk): Promise<[string, number][]> {
  const { rows } = await desk.db.raw(`SELECT
    (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM ticket_events)::int AS events,
    (SELECT count(*) FROM csat_responses)::int AS answers,
    round(pg_database_size(current_database()) / 1048576.0)::int AS megabytes`);
  const sizes = rows[0] as Record<string, number>;
  return [
    ['tickets (all)', sizes.tickets!],
    ['ticket events', sizes.events!],
    ['survey answers', sizes.answers!],
    ['database MiB', sizes.megabytes!],
  ];
}

function reportPlot(withIndexes: Timed[], withoutIndexes: Timed[]): Plot {
  const values = [
    ...withIndexes.map((timed) => ({ report: timed.label, ms: timed.p50, indexes: 'with' })),
    ...withoutIndexes.map((timed) => ({ report: timed.label, ms: timed.p50, indexes: 'without' })),
  ];
  return {
    name: 'latency',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'report p50 through the API, with and without the read indexes',
      data: { values },
      mark: 'bar',
      encoding: {
        y: { field: 'report', type: 'nominal', sort: null },
        yOffset: { field: 'indexes' },
        x: { field: 'ms', type: 'quantitative', title: 'p50 ms' },
        color: { field: 'indexes', type: 'nominal' },
      },
    },
  };
}

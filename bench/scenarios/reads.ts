import { callApi, demoPerson, openTicket, tierOneAgent } from '../api-client';
import { charged, perCallCells, untilQuiet } from '../cpu-time';
import { goal, measure, type Measurement } from '../measure';
import type { BenchDesk, BenchLog, FigureTable, Plot, Scenario } from '../scenario';
import { benchSizes } from '../sizes';
import { actionFigures, type ChargedCalls } from './reads-actions';

// A p99 of 200 calls is their second slowest: one collection or autovacuum pass decides it.
const READS = 1000;
// A desk that serves all day runs its API's code compiled; a fresh process interprets it at first.
const WARM_UP = 300;
const READ_GOAL_MS = 50;
const SETTLE_LIMIT_MS = 120_000;

export const reads: Scenario = {
  name: 'reads',
  summary: 'queue, list and ticket reads, then actions on cold and warm tickets, beside their goals',
  byDefault: true,
  async run(desk, options, log) {
    const present = await openUpTo(desk, benchSizes.readsTickets, options.concurrency, log);
    const agent = tierOneAgent(desk);
    const manager = demoPerson(desk, (p) => p.role === 'manager');
    const numbers = (await desk.db('tickets').pluck('number')) as string[];
    const pick = (i: number) => numbers[(i * 7919) % numbers.length]!;
    const kinds: [string, (i: number) => Promise<unknown>][] = [
      ['GET /queue', () => callApi(desk, agent, '/queue')],
      ['GET /tickets', () => callApi(desk, manager, '/tickets')],
      ['GET /tickets/{n}', (i) => callApi(desk, manager, `/tickets/${pick(i)}`)],
    ];
    log(`reads on ${present} tickets: ${READS} of each, one at a time and ${options.concurrency} in flight`);
    // Measured once what opened the tickets has settled: after `scale`, autovacuum and analyze take a minute.
    const settling = performance.now();
    await untilQuiet(() => desk.processRoots(), SETTLE_LIMIT_MS);
    const settledAfter = (performance.now() - settling) / 1000;
    const heapReads = await openCountHeapReads(desk.db);
    for (const [, call] of kinds) await measure(WARM_UP, options.concurrency, call);
    const rows: FigureTable['rows'] = [];
    const batches: { label: string; inFlight: number; m: Measurement }[] = [];
    const inFlightCpu: ChargedCalls[] = [];
    for (const [read, call] of kinds) {
      for (const inFlight of [1, options.concurrency]) {
        const { result: m, cpu } = await charged(
          () => desk.processRoots(),
          () => measure(READS, inFlight, call),
        );
        if (inFlight > 1) inFlightCpu.push({ what: read, calls: m.count, cpu });
        rows.push([read, inFlight, m.perSecond, m.p50, m.p99, m.max, goal(m.p99, READ_GOAL_MS)]);
        batches.push({ label: `${read} × ${inFlight}`, inFlight, m });
      }
    }
    const actions = await actionFigures(desk, options.concurrency, log);
    return {
      tables: [
        {
          title: `reads on ${present} tickets (goal p99 ≤ ${READ_GOAL_MS} ms)`,
          columns: ['read', 'in flight', 'per second', 'p50 ms', 'p99 ms', 'max ms', 'goal'],
          rows,
        },
        actions.table,
        cpuTable([...inFlightCpu, ...actions.cpu], options.concurrency),
      ],
      plots: [latencyPlot(batches, present)],
      notes: [
        'Reads are the API answering from PostgreSQL as an agent (queue) and the manager (list, one ticket), ' +
          `each made ${WARM_UP} times at ${options.concurrency} in flight before it is measured, once the desk ` +
          `had settled (${settledAfter.toFixed(1)} s: its processes together under a fifth of a core).`,
        heapReads,
        "CPU per call: what each process spent from a batch's first call until what it set going settled, " +
          "divided by its calls; at several in flight the cores are shared by all of them, the bench's own " +
          'client (its row) included.',
        ...actions.notes,
      ],
    };
  },
};

function cpuTable(batches: ChargedCalls[], inFlight: number): FigureTable {
  const roles = Object.keys(batches[0]!.cpu);
  return {
    title: `CPU per call at ${inFlight} in flight, ms, all processes`,
    columns: ['call', ...roles, 'total'],
    rows: batches.map(({ what, calls, cpu }) => [what, ...perCallCells(cpu, roles, calls)]),
  };
}

/** Each batch's latencies as a box from min to max, on a log scale, under the goal's line. */
function latencyPlot(batches: { label: string; inFlight: number; m: Measurement }[], tickets: number): Plot {
  const values = batches.flatMap(({ label, inFlight, m }) =>
    m.latencies.map((ms) => ({ read: label, 'in flight': inFlight, ms })),
  );
  const y = { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms (log)' };
  return {
    name: 'latency',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: `read latency on ${tickets} tickets (dashed: the ${READ_GOAL_MS} ms goal for p99)`,
      data: { values },
      width: 560,
      height: 220,
      layer: [
        {
          mark: { type: 'boxplot', extent: 'min-max' },
          encoding: {
            x: { field: 'read', type: 'nominal', sort: null, axis: { labelAngle: -20, labelLimit: 200 } },
            y,
            color: { field: 'in flight', type: 'nominal' },
          },
        },
        { mark: { type: 'rule', strokeDash: [4, 4] }, encoding: { y: { datum: READ_GOAL_MS } } },
      ],
    },
  };
}

/** What the queue's count read from the table rather than from its index alone (`Heap Fetches`). */
async function openCountHeapReads(db: BenchDesk['db']): Promise<string> {
  const { rows } = await db.raw(
    "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM tickets WHERE stage <> 'CLOSED'",
  );
  type Node = { 'Node Type': string; 'Actual Rows'?: number; 'Heap Fetches'?: number; Plans?: Node[] };
  const nodes = (node: Node): Node[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
  const scan = nodes(rows[0]['QUERY PLAN'][0].Plan).find((node) => node['Heap Fetches'] !== undefined);
  if (!scan) return 'Before the reads, counting the open tickets read the table, not an index alone.';
  return (
    `Before the reads, counting the open tickets read ${scan['Heap Fetches']} of ${scan['Actual Rows']} rows ` +
    'from the table, the rest from its index alone: those on pages changed since autovacuum last ran ' +
    '(docs/deploying.md).'
  );
}

/** The tickets a run left (10 000 after `scale`), or as many as BENCH_READS_TICKETS says when fewer. */
async function openUpTo(
  desk: BenchDesk,
  wanted: number,
  concurrency: number,
  log: BenchLog,
): Promise<number> {
  const count = async () => Number((await desk.db('tickets').count({ n: '*' }))[0]!.n);
  const present = await count();
  if (present < wanted) {
    log(`${present} tickets present: opening ${wanted - present} through the API first`);
    await measure(wanted - present, concurrency, () => openTicket(desk));
  }
  return count();
}

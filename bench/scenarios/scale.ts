import { openTicket } from '../../desk/tickets/intake';
import type { DeskContext } from '../../desk/context';
import type { TicketIntake } from '../../domain/ticket';
import { loadConfig } from '../../lib/config';
import { cachedTicketsFor } from '../../worker/cache-sizing';
import { footprint, footprintParts, type Footprint } from '../footprint';
import { measure } from '../measure';
import type { BenchDesk, Plot, Scenario } from '../scenario';

/** Footprints taken while the tickets open: enough points for the plot, few enough not to slow the opening. */
const SAMPLES = 25;
/** Opened before the first footprint, so the worker has loaded its workflow code and the start is its base. */
const WARM_UP = 20;
const MiB = 2 ** 20;

const intake: TicketIntake = {
  requester: { name: 'Ana Ruiz', email: 'ana.ruiz@acme.example' },
  organization: 'ACME Logistics',
  site: { address: 'Cra 7 #71-21', building: 'Torre B', room: '402' },
  affected: 'CRM web client',
  description: 'Agents cannot log in since 08:00; the login page spins forever.',
  impact: 'high',
  urgency: 'medium',
  channel: 'portal',
};

export const scale: Scenario = {
  name: 'scale',
  summary: 'N open tickets: the worker, Temporal and PostgreSQL footprint in all and per open ticket',
  // Not in the ten minutes: opening measured 4 tickets a second on the shared two-core machine (load 14–17),
  // so 10 000 take about 40 minutes there; run it alone with `npm run bench -- scale`.
  byDefault: false,
  async run(desk, options, log) {
    const total = Math.max(options.openTickets, WARM_UP + 1);
    const ctx = deskContext(desk);
    const step = Math.max(1, Math.ceil(total / SAMPLES));
    log(`opening ${total} tickets, ${options.concurrency} in flight, the footprint every ${step}`);
    const parts = [await measure(WARM_UP, options.concurrency, () => openRegistered(ctx))];
    const start = await footprint(desk);
    const points: { opened: number; at: Footprint }[] = [{ opened: WARM_UP, at: start }];
    for (let opened = WARM_UP; opened < total;) {
      const size = Math.min(step, total - opened);
      parts.push(await measure(size, options.concurrency, () => openRegistered(ctx)));
      opened += size;
      points.push({ opened, at: await footprint(desk) });
    }
    const end = points.at(-1)!.at;
    const seconds = parts.reduce((sum, p) => sum + p.seconds, 0);
    const cache = cachedTicketsFor(loadConfig().worker.memoryBytes);
    return {
      tables: [
        {
          title: `${total} open tickets (worker cache: ${cache} tickets)`,
          columns: ['what', `at ${WARM_UP} tickets, MiB`, 'at the end, MiB', 'per open ticket after, KiB'],
          rows: footprintParts.map(([key, label]) => [
            label,
            start[key] / MiB,
            end[key] / MiB,
            (end[key] - start[key]) / (total - WARM_UP) / 1024,
          ]),
        },
        {
          title: 'opening',
          columns: ['tickets', 'seconds', 'per second'],
          rows: [[total, seconds, total / seconds]],
        },
      ],
      plots: [rssPlot(points)],
      notes: [
        'Each ticket is opened as the API opens one (openTicket: the intake ledger, then the same ' +
          'update-with-start of the ticket workflow, answered once registered), called from the bench ' +
          'process with the Temporal client, without HTTP, so the worker and Temporal are what is loaded.',
        `The worker keeps at most ${cache} tickets cached (WORKER_MEMORY ${loadConfig().worker.memoryBytes / MiB} MiB); ` +
          'past that, RSS should level off while the others wait evicted, replayed when they next move.',
        'The worker heap is not read from outside its process: per cached ticket it was measured in process ' +
          '(docs/deploying.md, worker sizing).',
      ],
    };
  },
};

function deskContext(desk: BenchDesk): DeskContext {
  return {
    client: desk.client,
    db: desk.db,
    taskQueue: desk.taskQueue,
    updateDeadlineMs: 60_000,
    historyLimit: 10_000,
    linkSecret: 'unused by opening a ticket',
    temporalUi: { url: 'http://127.0.0.1', namespace: desk.namespace },
  };
}

async function openRegistered(ctx: DeskContext): Promise<void> {
  const opened = await openTicket(ctx, intake);
  if (opened.pending) throw new Error(`ticket ${opened.pending.number} not registered within the deadline`);
}

function rssPlot(points: { opened: number; at: Footprint }[]): Plot {
  const values = points.flatMap(({ opened, at }) => [
    { opened, process: 'worker', mib: at.workerRss / MiB },
    { opened, process: 'Temporal server', mib: at.temporalRss / MiB },
  ]);
  return {
    name: 'rss',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'resident memory as tickets open',
      data: { values },
      width: 420,
      height: 220,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'opened', type: 'quantitative', title: 'open tickets' },
        y: { field: 'mib', type: 'quantitative', title: 'RSS, MiB' },
        color: { field: 'process', type: 'nominal' },
      },
    },
  };
}

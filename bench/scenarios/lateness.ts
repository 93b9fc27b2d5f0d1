import { setTimeout as sleep } from 'node:timers/promises';
import { seedPolicyCustomer, type Person } from '../../dev/policy-customer';
import { validIntake } from '../../test/support/intake';
import { request } from '../api-client';
import { escalationTimings, type EscalationTiming } from '../escalation-timing';
import { distribution, goal } from '../measure';
import type { BenchDesk, Plot, Scenario } from '../scenario';
import { benchSizes } from '../sizes';

const ORGANIZATION = 'Bench Ladder';
// Tier 1 → Tier 2 → Tier 3 → Onsite → the IT manager: four automatic climbs, one a minute.
const CLIMBS = 4;
const OFFER_SECONDS = 60;
const GRACE_MS = 90_000;

export const lateness: Scenario = {
  name: 'lateness',
  summary: 'tickets on one-minute tier frames climb the whole ladder: due time → decision and → letter',
  byDefault: false,
  async run(desk, _options, log) {
    const total = benchSizes.latenessTickets;
    const { requesters } = await seedPolicyCustomer(desk.databaseUrl, {
      policy: {
        id: 'bench-one-minute-ladder',
        name: 'Bench: one-minute tier frames',
        // The manager's reminders and the field engineer's promise stay out of the one-minute rhythm's way.
        changes: {
          tierMinutes: { TIER_1: 1, TIER_2: 1, TIER_3: 1, ONSITE: 1 },
          onsiteResponseMinutes: 1,
          managerReminderMinutes: 600,
        },
      },
      organization: ORGANIZATION,
      emailDomain: 'ladder.example',
      requesters: 1,
    });
    const open = await openTickets(desk);
    log(`${total} tickets over ${OFFER_SECONDS} s on one-minute frames, beside ${open} open tickets`);
    const tickets = await offer(desk, requesters[0]!, total);
    const expected = tickets.length * CLIMBS;
    const deadline = Date.now() + CLIMBS * 60_000 + GRACE_MS;
    let climbed = 0;
    while (Date.now() < deadline && climbed < expected) {
      await sleep(5_000);
      climbed = await automaticClimbs(desk, tickets);
      log(`${climbed} of ${expected} escalations recorded`);
    }
    await sleep(10_000);
    const timings = await escalationTimings(desk.db, desk.client, tickets);
    return summarize(timings, tickets, open);
  },
};

async function openTickets(desk: BenchDesk): Promise<number> {
  const [row] = await desk.db('tickets').whereNot({ stage: 'CLOSED' }).count<{ count: string }[]>();
  return Number(row?.count ?? 0);
}

/** The tickets, paced evenly over the window so their due times spread as a desk's do. */
async function offer(desk: BenchDesk, person: Person, total: number): Promise<string[]> {
  const start = performance.now();
  const tickets = await Promise.all(
    Array.from({ length: total }, async (_, i) => {
      await sleep(start + (i * OFFER_SECONDS * 1000) / total - performance.now());
      const body = validIntake({
        requester: { name: person.name, email: person.email, phone: '+57 601 3557622' },
        organization: ORGANIZATION,
      });
      const opened = await request(desk, person, '/tickets', { body });
      if (opened.status !== 201 && opened.status !== 202) {
        throw new Error(`POST /tickets answered ${opened.status}: ${JSON.stringify(opened.body)}`);
      }
      return (opened.body as { number: string }).number;
    }),
  );
  return tickets;
}

async function automaticClimbs(desk: BenchDesk, tickets: string[]): Promise<number> {
  const [row] = await desk
    .db('ticket_events')
    .whereIn('ticket_number', tickets)
    .where({ type: 'escalated' })
    .whereRaw(`(data->>'automatic')::boolean`)
    .count<{ count: string }[]>();
  return Number(row?.count ?? 0);
}

function summarize(timings: EscalationTiming[], tickets: string[], open: number) {
  const perTicket = new Map(tickets.map((ticket) => [ticket, [] as EscalationTiming[]]));
  for (const timing of timings) perTicket.get(timing.ticket)?.push(timing);
  const climbs = [...perTicket.values()];
  const missed = climbs.reduce((sum, mine) => sum + Math.max(0, CLIMBS - mine.length), 0);
  const doubled = climbs.reduce((sum, mine) => sum + (mine.length - new Set(mine.map((t) => t.to)).size), 0);
  const lateBy = (pick: (t: EscalationTiming) => number | undefined) =>
    distribution(timings.flatMap((t) => (pick(t) === undefined ? [] : [pick(t)! - t.dueAt])));
  const decision = lateBy((t) => t.decidedAt);
  const written = lateBy((t) => t.letterWrittenAt);
  const sent = lateBy((t) => t.letterSentAt);
  const line = (name: string, d: typeof decision) => [name, d.count, d.p50, d.p99, d.max];
  return {
    tables: [
      {
        title: `lateness after the due time, ms (${tickets.length} tickets, ${open} other open tickets)`,
        columns: ['from the due time to', 'count', 'p50', 'p99', 'max'],
        rows: [
          line('the decision (workflow task completed)', decision),
          line('the letter written to the outbox', written),
          line('the letter taken by the relay', sent),
        ],
      },
      {
        title: 'escalations',
        columns: ['figure', 'value'],
        rows: [
          ['expected (4 per ticket)', tickets.length * CLIMBS],
          ['recorded', timings.length],
          ['missed', missed],
          ['doubled', doubled],
          ['decision p99 goal', goal(decision.p99, 1000)],
        ],
      },
    ],
    plots: [histogram(timings)],
    notes: [
      `A ticket records an escalation at the instant it was due; the decision is the completion of the workflow ` +
        `task after the first timer that fired at or after it (Temporal's history), the letter its outbox row ` +
        `(PostgreSQL's clock). Run after \`scale\` to measure at that scale: ${open} open tickets were on the desk.`,
    ],
  };
}

function histogram(timings: EscalationTiming[]): Plot {
  const values = timings.flatMap((t) => [
    ...(t.decidedAt === undefined ? [] : [{ ms: t.decidedAt - t.dueAt, after: 'decision' }]),
    ...(t.letterSentAt === undefined ? [] : [{ ms: t.letterSentAt - t.dueAt, after: 'letter sent' }]),
  ]);
  return {
    name: 'histogram',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'escalations: ms after the due time',
      data: { values },
      width: 480,
      height: 200,
      mark: 'bar',
      encoding: {
        x: { field: 'ms', type: 'quantitative', bin: { maxbins: 40 }, title: 'ms after due' },
        y: { aggregate: 'count', type: 'quantitative', title: 'escalations' },
        color: { field: 'after', type: 'nominal' },
      },
    },
  };
}

import { priorities } from '../../../domain/priority';
import { replayTicket, type Outcome } from '../../../domain/sla-replay';
import { tiers } from '../../../domain/ticket';
import type { Db } from '../../../lib/db';
import type { Column, Row } from '../report';
import { divergence } from './divergence';
import { ticketsReceived } from './facts';
import { policyBook } from './policies';
import type { WhatIfRequest } from './request';

const figures = [
  ['responseBreaches', 'response-breached', 'response clocks breached'],
  [
    'resolutionBreaches',
    'resolution-breached',
    'resolution clocks breached (a ticket closed unresolved included)',
  ],
  ['automaticEscalations', 'automatic-escalation', 'escalations because a tier’s time frame ran out (R19)'],
  ['managerDecisions', 'manager-decision', 'arrivals at the IT manager decision point (R20)'],
] as const;

type Figures = Record<(typeof figures)[number][0], number>;

export const whatIfGroupBy: Column[] = [
  { name: 'priority', type: 'string', description: 'the ticket’s priority when it happened' },
  { name: 'tier', type: 'string', description: 'the tier the ticket was at when it happened' },
];
export const whatIfMeasures: Column[] = figures.flatMap(([name, , description]) => [
  {
    name: `${name}Before`,
    type: 'integer' as const,
    description: `${description}, by the tickets’ own policies`,
  },
  { name: `${name}After`, type: 'integer' as const, description: `${description}, by the proposed policy` },
]);

function count(outcomes: Outcome[]): Figures {
  const of = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  return Object.fromEntries(figures.map(([name, kind]) => [name, of(kind)])) as Figures;
}

/**
 * Every ticket received in the period replayed twice from its timeline, by its own policy and by the
 * proposal, with the same clock and ladder rules the workflow runs (domain/sla-replay.ts).
 */
export async function whatIf(db: Db, request: WhatIfRequest, now: Date) {
  const book = await policyBook(db, request.proposed);
  const tickets = await ticketsReceived(db, request);
  const before: Outcome[] = [];
  const after: Outcome[] = [];
  const changes = [];
  for (const ticket of tickets) {
    const own = book.own(ticket.policyId, ticket.calendarId);
    if (!own) continue;
    const last = ticket.events.at(-1)?.at ?? ticket.receivedAt;
    const until = ticket.closed || Date.parse(last) > now.getTime() ? last : now.toISOString();
    const was = await replayTicket(ticket, own, until);
    const would = await replayTicket(ticket, book.proposal(own), until);
    before.push(...was);
    after.push(...would);
    const approximate = divergence(ticket.events, would);
    const [wasFigures, wouldFigures] = [count(was), count(would)];
    if (approximate || JSON.stringify(wasFigures) !== JSON.stringify(wouldFigures)) {
      const { number, organization, currentPriority: priority } = ticket;
      changes.push({ number, organization, priority, before: wasFigures, after: wouldFigures, approximate });
    }
  }
  const cell = (outcomes: Outcome[], match: (o: Outcome) => boolean) => count(outcomes.filter(match));
  const measures = (match: (o: Outcome) => boolean): Row => {
    const [was, would] = [cell(before, match), cell(after, match)];
    return Object.fromEntries(
      figures.flatMap(([name]) => [
        [`${name}Before`, was[name]],
        [`${name}After`, would[name]],
      ]),
    );
  };
  const rows = priorities.flatMap((priority) =>
    tiers
      .map((tier) => ({ priority, tier, ...measures((o) => o.priority === priority && o.tier === tier) }))
      .filter((row) => Object.values(row).some((value) => typeof value === 'number' && value > 0)),
  );
  return {
    report: 'what-if',
    request,
    asOf: now.toISOString(),
    tickets: tickets.length,
    approximate: changes.filter((c) => c.approximate).length,
    rows,
    total: measures(() => true),
    changes,
  };
}

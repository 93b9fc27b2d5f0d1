import type { Knex } from 'knex';
import { z } from 'zod';
import type { Db } from '../../lib/db';
import { filtered, groupedReport, reportQuery, type Column, type ReportFilters } from './report';
import { eventType } from '../../domain/ticket-events';

const clocks = ['response', 'resolution', 'onsite'] as const;
type Clock = (typeof clocks)[number];

const periodLabels = { day: 'YYYY-MM-DD', week: 'IYYY-"W"IW', month: 'YYYY-MM' } as const;
type Period = keyof typeof periodLabels;

// Written out, not bound: the planner matches these expressions to the statistics on them.
const periodStart: Record<Period, string> = {
  day: `date_trunc('day', t.received_at AT TIME ZONE 'UTC') AS period_start`,
  week: `date_trunc('week', t.received_at AT TIME ZONE 'UTC') AS period_start`,
  month: `date_trunc('month', t.received_at AT TIME ZONE 'UTC') AS period_start`,
};

const query = reportQuery.safeExtend({
  period: z
    .enum(['day', 'week', 'month'])
    .default('month')
    .describe('how received tickets are grouped in time (UTC; weeks are ISO weeks)'),
});

/**
 * One clock's outcome on ticket `t`: null without that clock, `breached` once it ran past its target (its
 * state says so, or a breach was recorded before a priority change re-timed it; a ticket closed unresolved
 * breaks its resolution promise), `met` when it stopped in time, otherwise `pending`. The row carries the
 * clock's state and the recorded breaches (migration 20261205_014), so no event is read per ticket.
 */
function outcome(db: Db, clock: Clock): Knex.Raw {
  const state = `t.${clock}_state`;
  return db.raw(
    `CASE WHEN ${state} IS NULL THEN NULL
      WHEN ${state} = 'breached' OR t.recorded_breaches && ?::text[] THEN 'breached'
      WHEN ${state} = 'met' THEN 'met'
      ELSE 'pending' END AS ??`,
    [clock === 'resolution' ? [clock, eventType['closed-unresolved']] : [clock], clock],
  );
}

/** A group's counts of each outcome of `clock`, from the tickets' outcomes. */
function clockCounts(db: Db, clock: Clock): Knex.Raw[] {
  return (['met', 'breached', 'pending'] as const).map((state) =>
    db.raw(`count(*) FILTER (WHERE ?? = ?) AS ??`, [clock, state, `${clock}_${state}`]),
  );
}

/** The counts summed over the groups of a grouping set (none in an empty period: 0), and their compliance. */
function clockMeasures(db: Db, clock: Clock): Knex.Raw[] {
  const summed = (state: string, suffix: string) =>
    db.raw(`coalesce(sum(??), 0)::int AS ??`, [`${clock}_${state}`, `${clock}${suffix}`]);
  return [
    summed('met', 'Met'),
    summed('breached', 'Breached'),
    summed('pending', 'Pending'),
    db.raw(`round(100.0 * sum(??) / nullif(sum(??) + sum(??), 0), 1)::float8 AS ??`, [
      `${clock}_met`,
      `${clock}_met`,
      `${clock}_breached`,
      `${clock}CompliancePct`,
    ]),
  ];
}

const clockColumns = (clock: Clock): Column[] => [
  { name: `${clock}Met`, type: 'integer', description: `${clock} clocks stopped within their target` },
  { name: `${clock}Breached`, type: 'integer', description: `${clock} clocks that ran past their target` },
  { name: `${clock}Pending`, type: 'integer', description: `${clock} clocks still running within target` },
  {
    name: `${clock}CompliancePct`,
    type: 'number',
    nullable: true,
    description: `met / (met + breached) × 100, one decimal; null while no ${clock} clock has an outcome`,
  },
];

/** SLA compliance of the tickets received in the period, by period, organization and priority. */
export const slaCompliance = groupedReport<ReportFilters & { period: Period }>({
  name: 'sla-compliance',
  summary:
    'SLA compliance of the response, resolution and onsite clocks by period, organization and priority',
  query,
  groupBy: [
    {
      name: 'period',
      type: 'string',
      description: 'when the tickets were received: 2026-11, 2026-W48 or 2026-11-25',
    },
    { name: 'organization', type: 'string', description: 'the requester’s organization' },
    { name: 'priority', type: 'string', description: 'the ticket’s current priority' },
  ],
  measures: [
    { name: 'tickets', type: 'integer', description: 'tickets received' },
    ...clocks.flatMap(clockColumns),
  ],
  grouped(db, filters) {
    const outcomes = filtered(
      db('tickets as t').select(
        't.organization',
        't.priority',
        db.raw(periodStart[filters.period]),
        ...clocks.map((clock) => outcome(db, clock)),
      ),
      filters,
      't.received_at',
    );
    // Counted per period, organization and priority first, then summed by the grouping sets: the first step
    // is a hash over a few hundred groups (the statistics of migration 20261205_014 tell the planner so)
    // instead of a sort of every ticket of the period.
    const counts = db
      .from('outcomes')
      .select(
        'period_start',
        'organization',
        'priority',
        db.raw('count(*) AS tickets'),
        ...clocks.flatMap((clock) => clockCounts(db, clock)),
      )
      .groupBy(['period_start', 'organization', 'priority']);
    return db
      .with('outcomes', outcomes)
      .with('counts', counts)
      .from('counts')
      .select(
        db.raw(`to_char(period_start, ?) AS period`, [periodLabels[filters.period]]),
        'organization',
        'priority',
        db.raw('GROUPING(period_start) = 1 AS grand'),
        db.raw('coalesce(sum(tickets), 0)::int AS tickets'),
        ...clocks.flatMap((clock) => clockMeasures(db, clock)),
      )
      .groupByRaw('GROUPING SETS ((period_start, organization, priority), ())')
      .orderBy(['period_start', 'organization', 'priority']);
  },
});

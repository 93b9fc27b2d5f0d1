import type { Knex } from 'knex';
import { z } from 'zod';
import type { Db } from '../../lib/db';
import { filtered, groupedReport, reportQuery, type Column, type ReportFilters } from './report';
import { eventType } from '../../domain/ticket-events';

const clocks = ['response', 'resolution', 'onsite'] as const;
type Clock = (typeof clocks)[number];

const periodLabels = { day: 'YYYY-MM-DD', week: 'IYYY-"W"IW', month: 'YYYY-MM' } as const;
type Period = keyof typeof periodLabels;

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

function clockMeasures(db: Db, clock: Clock): Knex.Raw[] {
  const counted = (state: string, suffix: string) =>
    db.raw(`count(*) FILTER (WHERE ?? = ?)::int AS ??`, [clock, state, `${clock}${suffix}`]);
  return [
    counted('met', 'Met'),
    counted('breached', 'Breached'),
    counted('pending', 'Pending'),
    db.raw(
      `round(100.0 * count(*) FILTER (WHERE ?? = 'met')
         / nullif(count(*) FILTER (WHERE ?? IN ('met', 'breached')), 0), 1)::float8 AS ??`,
      [clock, clock, `${clock}CompliancePct`],
    ),
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
        db.raw(`to_char(date_trunc(?, t.received_at AT TIME ZONE 'UTC'), ?) AS period`, [
          filters.period,
          periodLabels[filters.period],
        ]),
        ...clocks.map((clock) => outcome(db, clock)),
      ),
      filters,
      't.received_at',
    );
    return db
      .with('outcomes', outcomes)
      .from('outcomes')
      .select(
        'period',
        'organization',
        'priority',
        db.raw('GROUPING(period) = 1 AS grand'),
        db.raw('count(*)::int AS tickets'),
        ...clocks.flatMap((clock) => clockMeasures(db, clock)),
      )
      .groupByRaw('GROUPING SETS ((period, organization, priority), ())')
      .orderBy(['period', 'organization', 'priority']);
  },
});

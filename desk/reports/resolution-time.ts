import { filtered, groupedReport, reportQuery, type Report } from './report';
import { eventType } from '../../domain/ticket-events';

/** Mean time to resolve the tickets closed in the period: from received to closed, in calendar minutes. */
export const resolutionTime: Report = groupedReport({
  name: 'resolution-time',
  summary: 'Mean time to resolve the tickets closed in the period, by priority',
  query: reportQuery,
  groupBy: [{ name: 'priority', type: 'string', description: 'the ticket’s priority at closing' }],
  measures: [
    { name: 'resolved', type: 'integer', description: 'tickets closed with a resolution' },
    {
      name: 'meanMinutesToResolve',
      type: 'number',
      nullable: true,
      description: 'their mean minutes from received to closed, two decimals; null when none',
    },
    {
      name: 'closedUnresolved',
      type: 'integer',
      description: 'tickets the IT manager closed unresolved (R20)',
    },
  ],
  grouped(db, filters) {
    const closed = filtered(
      db('tickets as t')
        .select(
          't.priority',
          db.raw(`extract(epoch FROM t.closed_at - t.received_at) / 60 AS minutes`),
          db.raw(`? = ANY(t.recorded_breaches) AS unresolved`, [eventType['closed-unresolved']]),
        )
        .where('t.stage', 'CLOSED'),
      filters,
      't.closed_at',
    );
    return db
      .with('closed', closed)
      .from('closed')
      .select(
        'priority',
        db.raw('GROUPING(priority) = 1 AS grand'),
        db.raw('count(*) FILTER (WHERE NOT unresolved)::int AS resolved'),
        db.raw(`round(avg(minutes) FILTER (WHERE NOT unresolved), 2)::float8 AS "meanMinutesToResolve"`),
        db.raw('count(*) FILTER (WHERE unresolved)::int AS "closedUnresolved"'),
      )
      .groupByRaw('GROUPING SETS ((priority), ())')
      .orderBy('priority');
  },
});

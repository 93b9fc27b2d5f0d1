import { tiers } from '../../domain/ticket';
import { filtered, groupedReport, positionIn, reportQuery, type Report } from './report';
import { eventType } from '../../domain/ticket-events';

/** Escalations recorded on the timelines in the period, by the rung of the ladder they climbed. */
export const escalations: Report = groupedReport({
  name: 'escalations',
  summary: 'Escalations in the period per tier: by hand and when a tier’s time frame ran out',
  query: reportQuery,
  groupBy: [
    { name: 'fromTier', type: 'string', description: 'the tier the tickets left' },
    { name: 'toTier', type: 'string', description: 'the next rung they were escalated to' },
  ],
  measures: [
    { name: 'escalations', type: 'integer', description: 'escalations' },
    { name: 'automatic', type: 'integer', description: 'of them, when the tier’s time frame ran out (R19)' },
    { name: 'manual', type: 'integer', description: 'of them, by an agent or manager' },
    { name: 'tickets', type: 'integer', description: 'tickets escalated' },
  ],
  grouped(db, filters) {
    const events = db('ticket_events as e');
    // The ticket is read only to filter by it: a year's escalations need no pass over every ticket.
    if (filters.organization !== undefined || filters.priority !== undefined) {
      events.join('tickets as t', 't.number', 'e.ticket_number');
    }
    return filtered(
      events
        .select(
          db.raw(`e.data ->> 'from' AS "fromTier"`),
          db.raw(`e.data ->> 'to' AS "toTier"`),
          db.raw(`GROUPING(e.data ->> 'from') = 1 AS grand`),
          db.raw('count(*)::int AS escalations'),
          db.raw(`count(*) FILTER (WHERE (e.data ->> 'automatic')::boolean)::int AS automatic`),
          db.raw(`count(*) FILTER (WHERE NOT (e.data ->> 'automatic')::boolean)::int AS manual`),
          db.raw('count(DISTINCT e.ticket_number)::int AS tickets'),
        )
        .where('e.type', eventType.escalated)
        .groupByRaw(`GROUPING SETS ((e.data ->> 'from', e.data ->> 'to'), ())`)
        .orderByRaw(positionIn(db, `e.data ->> 'from'`, tiers)),
      filters,
      'e.at',
    );
  },
});

import { filtered, listRows, reportQuery, type Report } from './report';
import { eventType } from '../../domain/ticket-events';

/** Every SLA breach recorded in the period, newest first. */
export const breaches: Report = {
  name: 'breaches',
  summary: 'The SLA breaches recorded in the period, newest first',
  query: reportQuery,
  groupBy: [],
  measures: [
    { name: 'breachedAt', type: 'date-time', description: 'when the clock ran out' },
    { name: 'ticketNumber', type: 'string', description: 'the ticket' },
    { name: 'organization', type: 'string', description: 'the requester’s organization' },
    { name: 'priority', type: 'string', description: 'the ticket’s current priority' },
    { name: 'clock', type: 'string', description: 'response, resolution or onsite' },
    { name: 'targetMinutes', type: 'number', description: 'the clock’s target, in business minutes' },
    { name: 'stageAtBreach', type: 'string', description: 'the ticket’s stage when the clock ran out' },
    { name: 'stage', type: 'string', description: 'its stage now' },
    { name: 'tier', type: 'string', description: 'its tier now' },
    { name: 'assignee', type: 'string', nullable: true, description: 'its engineer now' },
  ],
  run(db, filters) {
    return listRows(
      filtered(
        db('ticket_events as e')
          .join('tickets as t', 't.number', 'e.ticket_number')
          .select(
            // Formatted by PostgreSQL: a year's list is ~100 000 rows, each time otherwise parsed and formatted again.
            db.raw(`to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "breachedAt"`),
            'e.ticket_number as ticketNumber',
            't.organization',
            't.priority',
            db.raw(`e.data ->> 'clock' AS clock`),
            db.raw(`(e.data ->> 'targetMinutes')::float8 AS "targetMinutes"`),
            'e.stage as stageAtBreach',
            't.stage',
            't.tier',
            't.assignee',
          )
          .where('e.type', eventType['sla-breached'])
          .orderBy([{ column: 'e.at', order: 'desc' }, { column: 'e.ticket_number' }]),
        filters,
        'e.at',
      ),
    );
  },
};

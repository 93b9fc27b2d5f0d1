import { stages, tiers } from '../../domain/ticket';
import { filtered, groupedReport, positionIn, reportQuery, type Report } from './report';

/** The open tickets now, by stage and tier; the period bounds when they were received. */
export const backlog: Report = groupedReport({
  name: 'backlog',
  summary: 'Open tickets by stage and tier, in procedure and ladder order',
  query: reportQuery,
  groupBy: [
    { name: 'stage', type: 'string', description: 'the stage the tickets are in' },
    { name: 'tier', type: 'string', description: 'the rung of the escalation ladder they are at' },
  ],
  measures: [
    { name: 'tickets', type: 'integer', description: 'open tickets' },
    { name: 'atRisk', type: 'integer', description: 'of them, with SLA state at_risk' },
    { name: 'breached', type: 'integer', description: 'of them, with SLA state breached' },
    {
      name: 'waitingOnClient',
      type: 'integer',
      description: 'of them, waiting on an answer from the client',
    },
    {
      name: 'oldestReceivedAt',
      type: 'date-time',
      nullable: true,
      description: 'when the oldest was received',
    },
  ],
  grouped(db, filters) {
    return filtered(
      db('tickets as t')
        .select(
          't.stage',
          't.tier',
          db.raw('GROUPING(t.stage) = 1 AS grand'),
          db.raw('count(*)::int AS tickets'),
          db.raw(`count(*) FILTER (WHERE t.sla_state = 'at_risk')::int AS "atRisk"`),
          db.raw(`count(*) FILTER (WHERE t.sla_state = 'breached')::int AS breached`),
          db.raw(`count(*) FILTER (WHERE t.waiting_on_client)::int AS "waitingOnClient"`),
          db.raw('min(t.received_at) AS "oldestReceivedAt"'),
        )
        .whereNot('t.stage', 'CLOSED')
        .groupByRaw('GROUPING SETS ((t.stage, t.tier), ())')
        .orderByRaw(positionIn(db, 't.stage', stages))
        .orderByRaw(positionIn(db, 't.tier', tiers)),
      filters,
      't.received_at',
    );
  },
});

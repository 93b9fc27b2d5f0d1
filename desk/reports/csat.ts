import { filtered, groupedReport, reportQuery, type Report } from './report';

/** The customer-satisfaction answers given in the period (scores 1–5), by organization. */
export const csat: Report = groupedReport({
  name: 'csat',
  summary: 'Average customer-satisfaction score of the answers given in the period, by organization',
  query: reportQuery,
  groupBy: [{ name: 'organization', type: 'string', description: 'the requester’s organization' }],
  measures: [
    { name: 'responses', type: 'integer', description: 'survey answers' },
    {
      name: 'averageScore',
      type: 'number',
      nullable: true,
      description: 'their mean score (1–5), two decimals; null when none',
    },
    {
      name: 'satisfiedPct',
      type: 'number',
      nullable: true,
      description: 'share of answers scoring 4 or 5, in percent, one decimal; null when none',
    },
  ],
  grouped(db, filters) {
    return filtered(
      db('csat_responses as c')
        .join('tickets as t', 't.number', 'c.ticket_number')
        .select(
          't.organization',
          db.raw('GROUPING(t.organization) = 1 AS grand'),
          db.raw('count(*)::int AS responses'),
          db.raw('round(avg(c.score), 2)::float8 AS "averageScore"'),
          db.raw(`round(100.0 * count(*) FILTER (WHERE c.score >= 4) / nullif(count(*), 0), 1)::float8
                    AS "satisfiedPct"`),
        )
        .groupByRaw('GROUPING SETS ((t.organization), ())')
        .orderBy('t.organization'),
      filters,
      'c.submitted_at',
    );
  },
});

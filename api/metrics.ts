import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../lib/db';
import { routeOf } from './request-log';
import { eventType } from '../domain/ticket-events';

export interface ApiMetrics {
  registry: Registry;
  /** Times every request; mounted before the routes so it sees all of them. */
  observeRequests: RequestHandler;
}

type Row = Record<string, string | number | null>;

/**
 * A gauge read from PostgreSQL at scrape time: the projection is the record, so every API process reports
 * the same numbers and none has to keep counters that a restart would lose.
 */
function gaugeFromQuery(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  query: () => Promise<Row[]>,
): void {
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      const rows = await query();
      // Reset first, so a combination that no longer has any ticket disappears instead of going stale.
      this.reset();
      for (const row of rows) {
        const labels = Object.fromEntries(labelNames.map((label) => [label, String(row[label] ?? '')]));
        this.set(labels, Number(row.n));
      }
    },
  });
}

/** Each app gets its own registry, so several apps (tests) never share or double-register metrics. */
export function createApiMetrics(db: Db): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const rows = async (sql: string, bindings: string[] = []) =>
    (await db.raw<{ rows: Row[] }>(sql, bindings)).rows;

  gaugeFromQuery(
    registry,
    'ticketflow_tickets',
    'Tickets by stage, tier and priority',
    ['stage', 'tier', 'priority'],
    () => rows('SELECT stage, tier, priority, count(*)::int AS n FROM tickets GROUP BY 1, 2, 3'),
  );
  gaugeFromQuery(registry, 'ticketflow_tickets_sla', 'Open tickets by SLA state', ['state'], () =>
    rows(`SELECT sla_state AS state, count(*)::int AS n FROM tickets WHERE stage <> 'CLOSED' GROUP BY 1`),
  );
  gaugeFromQuery(
    registry,
    'ticketflow_escalations_total',
    'Escalations recorded on ticket timelines, by target tier and whether a timer made them',
    ['to', 'automatic'],
    () =>
      rows(
        `SELECT data->>'to' AS "to", data->>'automatic' AS automatic, count(*)::int AS n
            FROM ticket_events WHERE type = ? GROUP BY 1, 2`,
        [eventType.escalated],
      ),
  );
  gaugeFromQuery(
    registry,
    'ticketflow_sla_breaches_total',
    'SLA breaches recorded on ticket timelines, by clock',
    ['clock'],
    () =>
      rows(
        `SELECT data->>'clock' AS clock, count(*)::int AS n
            FROM ticket_events WHERE type = ? GROUP BY 1`,
        [eventType['sla-breached']],
      ),
  );
  gaugeFromQuery(
    registry,
    'ticketflow_projection_faults_total',
    'Changes PostgreSQL refused for their data, by SQLSTATE and whether they were stored cleaned',
    ['code', 'repaired'],
    () =>
      rows(
        `SELECT data->>'code' AS code, data->>'repaired' AS repaired, count(*)::int AS n
            FROM ticket_events WHERE type = ? GROUP BY 1, 2`,
        [eventType['projection-failed']],
      ),
  );

  gaugeFromQuery(
    registry,
    'ticketflow_inbound_mail_total',
    'Mail received by the desk, by what became of it (unparseable and failed mail is kept for review)',
    ['outcome'],
    () => rows('SELECT outcome, count(*)::int AS n FROM inbound_mail GROUP BY 1'),
  );
  gaugeFromQuery(
    registry,
    'ticketflow_letters_unsent',
    'Letters in the outbox not yet taken by the mail relay, and how many of them have waited over 10 minutes',
    ['waiting'],
    () =>
      rows(`SELECT CASE WHEN created_at < now() - interval '10 minutes' THEN 'over_10m' ELSE 'under_10m' END AS waiting,
                   count(*)::int AS n FROM outbox WHERE sent_at IS NULL AND undeliverable IS NULL GROUP BY 1`),
  );

  const duration = new Histogram({
    name: 'ticketflow_http_request_duration_seconds',
    help: 'API request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const observeRequests: RequestHandler = (req, res, next) => {
    const stop = duration.startTimer();
    res.once('finish', () =>
      stop({ method: req.method, route: routeOf(req), status: String(res.statusCode) }),
    );
    next();
  };
  return { registry, observeRequests };
}

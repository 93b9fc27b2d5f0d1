import { once } from 'node:events';
import { Router, type Request, type Response } from 'express';
import { allow, authenticate } from '../access';
import type { DeskContext } from '../../desk/context';
import { parseOrThrow } from '../errors';
import { reports } from '../../desk/reports';
import { csvLines, toCsv } from '../../desk/reports/csv';
import { everyPage, type Report, type ReportFilters, type ReportResult } from '../../desk/reports/report';
import type { Db } from '../../lib/db';
import { whatIf, whatIfGroupBy, whatIfMeasures } from '../../desk/reports/what-if';
import { whatIfQuery, whatIfRequest } from '../../desk/reports/what-if/request';

/** `?format=` decides; without it, a client that prefers text/csv in Accept gets CSV. */
function wantsCsv(req: Request, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

function fileName(report: Report, { from, to }: ReportFilters): string {
  return [report.name, from && `from-${from}`, to && `to-${to}`].filter(Boolean).join('_') + '.csv';
}

/** The rows, then the total with the first grouping column reading "total". */
function csvOf(report: Report, { rows, total }: ReportResult): string {
  const columns = [...report.groupBy, ...report.measures].map((column) => column.name);
  const totalRow = total && report.groupBy[0] ? [{ ...total, [report.groupBy[0].name]: 'total' }] : [];
  return toCsv(columns, [...rows, ...totalRow]);
}

/**
 * A paged report's whole download, written a page at a time so a year of rows is never held at once. Once the
 * first page is sent a failure can no longer become an error answer: the connection is cut, so the client
 * sees an unfinished download rather than a short file that looks whole.
 */
async function sendEveryPage(res: Response, report: Report, db: Db, filters: ReportFilters) {
  const columns = report.measures.map((column) => column.name);
  let started = false;
  try {
    for await (const rows of everyPage(report, db, filters)) {
      const text = started ? csvLines(columns, rows) : toCsv(columns, rows);
      if (!started) res.type('text/csv; charset=utf-8');
      started = true;
      if (!res.write(text)) await once(res, 'drain');
    }
    res.end();
  } catch (error) {
    if (!started) throw error;
    res.destroy(error as Error);
  }
}

/** The managers' reports, as JSON or as a CSV download. */
export function reportRoutes(ctx: Pick<DeskContext, 'db'>): Router {
  const router = Router();
  const managers = [authenticate(ctx.db), allow('manager', 'admin')];

  for (const report of reports) {
    router.get(`/reports/${report.name}`, ...managers, async (req, res) => {
      const { format, ...filters } = parseOrThrow(report.query, req.query);
      res.vary('Accept');
      if (!wantsCsv(req, format)) {
        res.json({ report: report.name, filters, ...(await report.run(ctx.db, filters)) });
        return;
      }
      if (report.paged && filters.limit === undefined) {
        await sendEveryPage(res.attachment(fileName(report, filters)), report, ctx.db, filters);
        return;
      }
      const result = await report.run(ctx.db, filters);
      res.attachment(fileName(report, filters)).type('text/csv; charset=utf-8').send(csvOf(report, result));
    });
  }

  router.post('/reports/what-if', ...managers, async (req, res) => {
    const { format } = parseOrThrow(whatIfQuery, req.query);
    const request = parseOrThrow(whatIfRequest, req.body ?? {});
    const answer = await whatIf(ctx.db, request, new Date());
    res.vary('Accept');
    if (!wantsCsv(req, format)) {
      res.json(answer);
      return;
    }
    const columns = [...whatIfGroupBy, ...whatIfMeasures].map((column) => column.name);
    const rows = [...answer.rows, { ...answer.total, priority: 'total' }];
    res
      .attachment(`what-if_from-${request.from}_to-${request.to}.csv`)
      .type('text/csv; charset=utf-8')
      .send(toCsv(columns, rows));
  });

  return router;
}

import { Router, type Request } from 'express';
import { allow, authenticate } from '../access';
import type { DeskContext } from '../../desk/context';
import { parseOrThrow } from '../errors';
import { reports } from '../../desk/reports';
import { toCsv } from '../../desk/reports/csv';
import type { Report, ReportFilters, ReportResult } from '../../desk/reports/report';
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

/** The managers' reports, as JSON or as a CSV download. */
export function reportRoutes(ctx: Pick<DeskContext, 'db'>): Router {
  const router = Router();
  const managers = [authenticate(ctx.db), allow('manager', 'admin')];

  for (const report of reports) {
    router.get(`/reports/${report.name}`, ...managers, async (req, res) => {
      const { format, ...filters } = parseOrThrow(report.query, req.query);
      const result = await report.run(ctx.db, filters);
      res.vary('Accept');
      if (!wantsCsv(req, format)) {
        res.json({ report: report.name, filters, ...result });
        return;
      }
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

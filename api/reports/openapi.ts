import { object, orNull, type JsonSchema } from '../openapi/json-schema';
import { errorResponses, jsonResponse, queryParameters } from '../openapi/operations';
import { reports } from '../../desk/reports';
import type { Column, Report } from '../../desk/reports/report';
import { whatIfOperation } from './what-if-openapi';

function columnSchema({ type, nullable, description }: Column): JsonSchema {
  const schema = type === 'date-time' ? { type: 'string', format: 'date-time' } : { type };
  return { ...(nullable ? orNull(schema) : schema), description };
}

const properties = (columns: Column[]) =>
  Object.fromEntries(columns.map((column) => [column.name, columnSchema(column)]));

function answerSchema(report: Report): JsonSchema {
  const row = object(properties([...report.groupBy, ...report.measures]));
  return object(
    {
      report: { const: report.name },
      filters: { type: 'object', description: 'the filters applied, as parsed' },
      rows: { type: 'array', items: row },
      ...(report.groupBy.length > 0
        ? { total: { ...object(properties(report.measures)), description: 'the measures over all rows' } }
        : {}),
      ...(report.paged
        ? {
            next: {
              type: 'string',
              description: 'send as `after` for the next page; absent on the last page',
            },
          }
        : {}),
    },
    ['next'],
  );
}

const operationId = (name: string) =>
  `report${name.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;

/** GET /reports/<name> for every report: JSON by default, CSV for `?format=csv` or `Accept: text/csv`. */
export function reportOperations() {
  return {
    ...reportsRead(),
    '/reports/what-if': whatIfOperation,
  };
}

function reportsRead() {
  return Object.fromEntries(
    reports.map((report) => [
      `/reports/${report.name}`,
      {
        get: {
          operationId: operationId(report.name),
          tags: ['reports'],
          summary: report.summary,
          parameters: queryParameters(report.query),
          responses: {
            200: {
              description: 'the report; as CSV, a download with the total as its last line',
              content: {
                'application/json': { schema: answerSchema(report) },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            400: errorResponses.invalid,
            401: jsonResponse('no valid bearer token', 'Error'),
            403: jsonResponse('not a manager or an admin', 'Error'),
          },
        },
      },
    ]),
  );
}

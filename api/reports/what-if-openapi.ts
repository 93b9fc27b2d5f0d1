import { fromZod, object, orNull, text, time } from '../openapi/json-schema';
import { errorResponses, jsonResponse, queryParameters } from '../openapi/operations';
import { whatIfGroupBy, whatIfMeasures } from '../../desk/reports/what-if';
import { whatIfQuery, whatIfRequest } from '../../desk/reports/what-if/request';
import type { Column } from '../../desk/reports/report';

const integer = { type: 'integer' };
const columns = (list: Column[]) =>
  Object.fromEntries(list.map(({ name, type, description }) => [name, { type, description }]));
const figures = object({
  responseBreaches: integer,
  resolutionBreaches: integer,
  automaticEscalations: integer,
  managerDecisions: integer,
});

const answer = object({
  report: { const: 'what-if' },
  request: { type: 'object', description: 'the question, as parsed' },
  asOf: { ...time, description: 'open tickets are replayed until then (or their last event, if later)' },
  tickets: { ...integer, description: 'tickets received in the period, each replayed' },
  approximate: { ...integer, description: 'of the changed tickets, those whose replay is an estimate' },
  rows: { type: 'array', items: object(columns([...whatIfGroupBy, ...whatIfMeasures])) },
  total: object(columns(whatIfMeasures)),
  changes: {
    type: 'array',
    description: 'the tickets whose figures change, or whose replay is only an estimate',
    items: object({
      number: text,
      organization: text,
      priority: text,
      before: figures,
      after: figures,
      approximate: { ...orNull(text), description: 'why the replay is an estimate; null: exact' },
    }),
  },
});

/** POST /reports/what-if: the period's tickets replayed against a proposed policy. */
export const whatIfOperation = {
  post: {
    operationId: 'reportWhatIf',
    tags: ['reports'],
    summary: 'SLA what-if: the period’s tickets replayed against a proposed policy, before and after',
    description:
      'Each ticket received in the period is replayed from its timeline by its own policy and by the proposal, ' +
      'with the workflow’s clock and ladder rules; see docs/reports.md.',
    parameters: queryParameters(whatIfQuery),
    requestBody: { required: true, content: { 'application/json': { schema: fromZod(whatIfRequest) } } },
    responses: {
      200: {
        description: 'the figures before and after; as CSV, the rows with the total as the last line',
        content: { 'application/json': { schema: answer }, 'text/csv': { schema: { type: 'string' } } },
      },
      400: errorResponses.invalid,
      401: jsonResponse('no valid bearer token', 'Error'),
      403: jsonResponse('not a manager or an admin', 'Error'),
      422: errorResponses.refused,
    },
  },
};

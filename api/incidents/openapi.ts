import type { z } from 'zod';
import { incidentViewSchema } from '../../domain/incident';
import { ticketIntakeDocument } from '../tickets/intake-schema';
import { answerSchema, fromZod, object, text, type JsonSchema } from '../openapi/json-schema';
import { accessResponses, errorResponses, queryParameters } from '../openapi/operations';
import { declarationSchema, incidentCommandNames, incidentCommandTable, incidentListQuery } from './schemas';

const incidentNumber = {
  name: 'incident',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^INC-\\d+$', examples: ['INC-1'] },
};
const json = (description: string, schema: JsonSchema) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: fromZod(schema) } },
});
const incident = answerSchema(incidentViewSchema);
const summary = object({
  number: text,
  title: text,
  service: text,
  status: text,
  priority: { type: ['string', 'null'] },
  ticketCount: { type: 'integer' },
  declaredAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
});
const desk = { tags: ['incidents'] };
const notFound = json('no such incident', object({ error: text }));

/** Major incidents (R14, R15, R17): declared, linked, told and resolved by the desk. */
export function incidentOperations() {
  return {
    '/incidents': {
      post: {
        ...desk,
        operationId: 'declareIncident',
        summary: 'Declare a major incident (agents and managers); its workflow runs until it is resolved',
        requestBody: body(declarationSchema),
        responses: {
          201: json('the incident declared', incident),
          ...accessResponses,
          503: errorResponses.unavailable,
        },
      },
      get: {
        ...desk,
        operationId: 'listIncidents',
        summary: 'Major incidents, open first, newest first (the managers’ dashboard)',
        parameters: queryParameters(incidentListQuery),
        responses: {
          200: json('the incidents', object({ items: { type: 'array', items: summary } })),
          ...accessResponses,
        },
      },
    },
    '/incidents/{incident}': {
      get: {
        ...desk,
        operationId: 'findIncident',
        summary: 'An incident with its linked tickets and its timeline',
        parameters: [incidentNumber],
        responses: { 200: json('the incident', incident), ...accessResponses, 404: notFound },
      },
    },
    '/incidents/{incident}/tickets': {
      post: {
        ...desk,
        operationId: 'enterIncidentTicket',
        summary: 'Enter a new ticket for a client hit by the incident, linked to it at once',
        parameters: [incidentNumber],
        requestBody: body(ticketIntakeDocument),
        responses: {
          201: json('the ticket and the incident', object({ ticket: { type: 'object' }, incident })),
          ...accessResponses,
          404: notFound,
          409: json('the incident is resolved', object({ error: text })),
          503: errorResponses.unavailable,
        },
      },
    },
    ...Object.fromEntries(
      incidentCommandNames.map((command) => {
        const { summary: what, body: schema, roles } = incidentCommandTable[command];
        return [
          `/incidents/{incident}/actions/${command}`,
          {
            post: {
              ...desk,
              operationId: `incident${command.replace(/(^|-)(\w)/g, (_, _d: string, l: string) => l.toUpperCase())}`,
              summary: what,
              description: `Who may: ${roles.join(', ')}. The caller is recorded as the actor.`,
              parameters: [incidentNumber],
              requestBody: body(schema),
              responses: {
                200: json('the incident after the command', incident),
                ...accessResponses,
                404: notFound,
                409: json(
                  'the incident is resolved, or the ticket is (not) linked already',
                  object({ error: text }),
                ),
                503: errorResponses.unavailable,
              },
            },
          },
        ];
      }),
    ),
  };
}

import type { z } from 'zod';
import {
  appointmentSchema,
  checkInSchema,
  checkOutSchema,
  invoicingQuerySchema,
  messageSchema,
  reportDraftSchema,
  reportSignatureSchema,
} from '../../desk/field-service/schemas';
import { appointment, fieldService, list, message, report, visit as visitSchema } from './openapi-schemas';
import { fromZod, object, text, type JsonSchema } from '../openapi/json-schema';
import { accessResponses, errorResponses, queryParameters, ticketNumber } from '../openapi/operations';

const visitId = { name: 'visit', in: 'path', required: true, schema: { type: 'string', examples: ['42'] } };
const json = (description: string, schema: JsonSchema) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: z.ZodType, required = true) => ({
  required,
  content: { 'application/json': { schema: fromZod(schema) } },
});
const refused = (description: string) => ({ 409: json(description, object({ error: text })) });

function operation(
  operationId: string,
  summary: string,
  parameters: JsonSchema[],
  responses: Record<number, unknown>,
  requestBody?: unknown,
) {
  return {
    operationId,
    tags: ['field service'],
    summary,
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses: {
      ...responses,
      400: errorResponses.invalid,
      ...accessResponses,
      404: errorResponses.notFound,
    },
  };
}

/** Field service from dispatch to the signed report (R21–R23) and the invoicing export. */
export function fieldServiceOperations() {
  const onTicket = [ticketNumber];
  const onVisit = [ticketNumber, visitId];
  return {
    '/tickets/{number}/field-service': {
      get: operation(
        'findFieldService',
        'Field team, dispatches, appointment, visits and reports',
        onTicket,
        {
          200: json('the ticket’s field service', fieldService),
        },
      ),
    },
    '/tickets/{number}/appointment': {
      put: operation(
        'agreeAppointment',
        'Record the time agreed with the site contact; a later one, or one after the onsite promise, needs a reason (R21); outside the calendar’s hours only inside a special-hours window of the approved work plan (R16)',
        onTicket,
        {
          200: json('the appointment', appointment),
          ...refused(
            'closed, no engineer dispatched yet, or outside the hours with no agreed window (`earliestStart` names the first instant special-hours work may start)',
          ),
          // A time after the promise is recorded by the ticket's workflow first.
          503: errorResponses.unavailable,
        },
        body(appointmentSchema),
      ),
    },
    '/tickets/{number}/conversation': {
      get: operation(
        'listConversation',
        'The ticket’s conversation; a requester sees no internal notes',
        onTicket,
        {
          200: json('oldest first', object({ items: list(message) })),
        },
      ),
      post: operation(
        'postToConversation',
        'Share progress (R22); internal notes are the desk’s',
        onTicket,
        { 201: json('the message', message) },
        body(messageSchema),
      ),
    },
    '/tickets/{number}/visits': {
      post: operation(
        'checkIn',
        'An engineer of the field team checks in on site (R23)',
        onTicket,
        {
          201: json('the open visit', visitSchema),
          ...refused('closed, not dispatched, or already in'),
        },
        body(checkInSchema, false),
      ),
    },
    '/tickets/{number}/visits/{visit}/check-out': {
      post: operation(
        'checkOut',
        'The engineer checks out; the visit’s times are final',
        onVisit,
        { 200: json('the visit', visitSchema), ...refused('already checked out') },
        body(checkOutSchema, false),
      ),
    },
    '/tickets/{number}/visits/{visit}/report': {
      get: operation('findFieldServiceReport', 'The visit’s field service report', onVisit, {
        200: json('the report', report),
      }),
      put: operation(
        'draftFieldServiceReport',
        'Write or rewrite the draft report',
        onVisit,
        { 200: json('the draft', report), ...refused('the report is signed') },
        body(reportDraftSchema),
      ),
    },
    '/tickets/{number}/visits/{visit}/report/sign': {
      post: operation(
        'signFieldServiceReport',
        'The customer signs the report; it never changes again (R23)',
        onVisit,
        {
          200: json('the signed report', report),
          ...refused('signed already, no draft, or visit still open'),
        },
        body(reportSignatureSchema),
      ),
    },
    '/field-service/invoicing.csv': {
      get: {
        operationId: 'exportSignedVisits',
        tags: ['field service'],
        summary: 'The invoicing basis: signed visits of an organization in a period, as CSV (R23)',
        parameters: queryParameters(invoicingQuerySchema),
        responses: {
          200: {
            description: 'one row per signed visit',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          400: errorResponses.invalid,
          ...accessResponses,
          422: errorResponses.refused,
        },
      },
    },
  };
}

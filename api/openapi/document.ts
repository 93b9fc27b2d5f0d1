import packageJson from '../../package.json' with { type: 'json' };
import { actionNames } from '../../workflows/messages';
import { ticketIntakeDocument } from '../tickets/intake-schema';
import { fromZod } from './json-schema';
import {
  accessResponses,
  actionOperation,
  errorResponses as responses,
  errorSchemas,
  header,
  jsonResponse as json,
  queryParameters,
  ticketNumber,
} from './operations';
import { adminOperations, meOperation } from '../admin/openapi';
import { adminSchemas } from '../admin/openapi-schemas';
import { withCommonAnswers } from './common';
import { ticketSchemas } from './responses';
import { portalOperations } from '../portal/routes';
import { correspondenceOperations } from '../correspondence/openapi';
import { planLinkOperations } from '../tickets/plan-openapi';
import { fieldServiceOperations } from '../field-service/openapi';
import { reportOperations } from '../reports/openapi';
import { incidentOperations } from '../incidents/openapi';
import { idempotencyKey, listQuerySchema } from '../tickets/routes';
import { queueQuerySchema } from '../tickets/work-queue-routes';

/** The OpenAPI 3.1 document of the API, built from the schemas that validate its requests. */
export function openApiDocument() {
  return withCommonAnswers({
    openapi: '3.1.1',
    info: {
      title: 'ticketflow',
      version: packageJson.version,
      description: 'A service desk in which every support ticket is a durable Temporal workflow.',
    },
    tags: [
      { name: 'tickets', description: 'intake and reading (R1, R2)' },
      { name: 'actions', description: 'moves through the procedure (R8–R21); each names its actor' },
      { name: 'queue', description: 'the desk’s work queue (R18)' },
      { name: 'reports', description: 'managers’ reports, JSON or CSV (managers and admins)' },
      { name: 'incidents', description: 'major incidents: many tickets linked, told and resolved together' },
      { name: 'field service', description: 'from dispatch to the signed report, and invoicing (R21–R23)' },
      { name: 'service', description: 'health, metrics and this documentation' },
      { name: 'access', description: 'who the bearer token belongs to' },
      { name: 'admin', description: 'organizations, contracts, people, tokens, calendars, policies' },
    ],
    // Every operation but the service ones (security: []) needs a personal API token.
    security: [{ bearerAuth: [] }],
    paths: {
      '/tickets': {
        post: {
          operationId: 'openTicket',
          tags: ['tickets'],
          summary: 'Open a ticket; answers once its workflow runs and its row is committed',
          parameters: [
            header('Idempotency-Key', idempotencyKey, false, 'a repeat returns the first request’s ticket'),
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: fromZod(ticketIntakeDocument) } },
          },
          responses: {
            201: {
              ...json('the ticket opened', 'Ticket'),
              headers: {
                Location: { schema: { type: 'string', examples: ['/tickets/TF-100001'] } },
                'Idempotent-Replayed': { schema: { type: 'string', enum: ['true', 'false'] } },
              },
            },
            202: {
              ...json(
                'the number is taken but Temporal did not confirm in time; GET `location` until it answers 200',
                'PendingTicket',
              ),
              headers: { Location: { schema: { type: 'string', examples: ['/tickets/TF-100001'] } } },
            },
            400: responses.invalid,
            ...accessResponses,
            422: json(
              'the Idempotency-Key was used with another body, or the requester is not an authorized reporter of the organization (R4, R6)',
              'IdempotencyConflict',
            ),
            503: responses.unavailable,
          },
        },
        get: {
          operationId: 'listTickets',
          tags: ['tickets'],
          summary: 'Tickets, newest first; filters combine with AND',
          parameters: queryParameters(listQuerySchema),
          responses: {
            200: json('one page of tickets (a requester’s: their organization’s only)', 'TicketPage'),
            400: responses.invalid,
            ...accessResponses,
          },
        },
      },
      '/tickets/{number}': {
        get: {
          operationId: 'findTicket',
          tags: ['tickets'],
          summary: 'A ticket with its SLA clocks, allowed actions and timeline',
          parameters: [ticketNumber],
          responses: {
            200: json('the ticket', 'Ticket'),
            202: json('accepted, its workflow not yet registered: ask again', 'PendingTicket'),
            ...accessResponses,
            404: responses.notFound,
          },
        },
      },
      '/tickets/{number}/action-results/{actionId}': {
        get: {
          operationId: 'findActionResult',
          tags: ['actions'],
          summary: 'What became of an action answered 202: applied, refused, or still pending',
          parameters: [
            ticketNumber,
            { name: 'actionId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            200: json('applied (with the ticket) or refused (with why)', 'ActionResult'),
            202: json('still pending: ask again', 'ActionResult'),
            ...accessResponses,
            404: json('no such ticket, or the action never reached it: send it again', 'Error'),
            503: responses.unavailable,
          },
        },
      },
      ...Object.fromEntries(
        actionNames.map((action) => [
          `/tickets/{number}/actions/${action}`,
          { post: actionOperation(action) },
        ]),
      ),
      '/tickets/{number}/dossiers': {
        get: {
          operationId: 'findDossiers',
          tags: ['tickets'],
          summary: 'The dossiers compiled for the IT manager (R20), oldest first',
          parameters: [ticketNumber],
          responses: { 200: json('the dossiers', 'Dossiers'), ...accessResponses, 404: responses.notFound },
        },
      },
      '/queue': {
        get: {
          operationId: 'listWorkQueue',
          tags: ['queue'],
          summary: 'Open tickets in the order work is taken: priority, stage, then age',
          parameters: queryParameters(queueQuerySchema),
          responses: {
            200: json('one page of the queue', 'TicketPage'),
            400: responses.invalid,
            ...accessResponses,
          },
        },
      },
      '/parts': {
        get: {
          operationId: 'listParts',
          tags: ['queue'],
          summary: 'The parts catalog (R3): each part and the lead time of every warehouse that stocks it',
          responses: { 200: json('the catalog', 'Parts'), ...accessResponses },
        },
      },
      '/me': meOperation,
      ...adminOperations(),
      ...reportOperations(),
      ...incidentOperations(),
      ...portalOperations(),
      ...fieldServiceOperations(),
      ...correspondenceOperations(),
      ...planLinkOperations(),
      '/health': {
        get: {
          operationId: 'health',
          tags: ['service'],
          security: [],
          responses: {
            200: json('PostgreSQL and Temporal answer', 'Health'),
            503: json(
              'a dependency is down: `down` names it; `Retry-After` says when to ask again',
              'Health',
            ),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApiDocument',
          tags: ['service'],
          security: [],
          responses: { 200: { description: 'this document', content: { 'application/json': {} } } },
        },
      },
      '/docs': {
        get: {
          operationId: 'docs',
          tags: ['service'],
          security: [],
          summary: 'This document in an interactive viewer',
          responses: { 200: { description: 'the viewer', content: { 'text/html': {} } } },
        },
      },
      '/metrics': {
        get: {
          operationId: 'metrics',
          tags: ['service'],
          security: [],
          summary:
            'Prometheus metrics: tickets by stage, SLA states, escalations, breaches, request durations',
          responses: { 200: { description: 'Prometheus text format', content: { 'text/plain': {} } } },
        },
      },
    },
    components: {
      schemas: { ...ticketSchemas, ...errorSchemas, ...adminSchemas },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'a personal API token, tf_…' },
      },
    },
  });
}

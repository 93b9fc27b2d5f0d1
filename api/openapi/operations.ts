import type { z } from 'zod';
import { stages } from '../../domain/ticket';
import type { ActionName } from '../../workflows/messages';
import { actionRoles } from '../../desk/tickets/action-permissions';
import { actionTable } from '../tickets/action-table';
import { fromZod, object, oneOf, text, type JsonSchema } from './json-schema';
import type { ticketSchemas } from './responses';

const fieldErrors = {
  type: 'array',
  items: object({ field: { type: 'string', examples: ['requester.email'] }, message: text }),
};

/** The bodies api/errors.ts answers with. */
export const errorSchemas = {
  Error: object({ error: text }),
  InvalidRequest: object({ error: { const: 'invalid request' }, errors: fieldErrors }),
  IdempotencyConflict: object({ error: text, errors: fieldErrors }),
  Unprocessable: object({ error: text, errors: fieldErrors }),
  NotAllowedNow: object(
    {
      error: text,
      stage: oneOf(stages),
      allowedActions: { type: 'array', items: text },
      earliestStart: {
        type: 'string',
        format: 'date-time',
        description: 'special-hours work asked for at too short notice: the first instant it may start (R16)',
      },
    },
    ['earliestStart'],
  ),
  NotAnsweredInTime: object({ error: text, retryable: { const: true } }),
  PendingTicket: object({ number: text, status: { const: 'pending' }, location: text }),
  PendingAction: object({
    status: { const: 'pending' },
    number: text,
    action: text,
    actionId: text,
    location: text,
  }),
  ActionResult: {
    type: 'object',
    required: ['status', 'actionId'],
    properties: {
      status: { enum: ['applied', 'refused', 'pending'] },
      actionId: text,
      ticket: { type: 'object' },
      error: text,
    },
  },
} satisfies Record<string, JsonSchema>;

type SchemaName = keyof typeof ticketSchemas | keyof typeof errorSchemas;

export const jsonResponse = (description: string, schema: SchemaName) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});

export const errorResponses = {
  invalid: jsonResponse(
    'a bad field, parameter or header: each is named, nothing is written',
    'InvalidRequest',
  ),
  notFound: jsonResponse('no such ticket', 'Error'),
  unauthorized: jsonResponse('no bearer token, or one unknown, revoked or of a deactivated person', 'Error'),
  forbidden: jsonResponse('the caller’s role may not do this', 'Error'),
  refused: jsonResponse(
    'valid as documented, refused by a rule the schema cannot state (a period ending before it starts, an unknown party, …): each field is named, nothing is written',
    'Unprocessable',
  ),
  tooLarge: jsonResponse('the body is over the 1 MB every request body is limited to', 'Error'),
  unavailable: jsonResponse(
    'no worker answered within UPDATE_DEADLINE; read the ticket before retrying',
    'NotAnsweredInTime',
  ),
  pendingAction: {
    ...jsonResponse(
      'Temporal did not confirm the action within UPDATE_DEADLINE; GET `location` tells whether it was applied',
      'PendingAction',
    ),
    headers: { Location: { schema: { type: 'string' } } },
  },
};

/** What every route behind a bearer token may also answer. */
export const accessResponses = { 401: errorResponses.unauthorized, 403: errorResponses.forbidden };

export function queryParameters(schema: z.ZodType): JsonSchema[] {
  const { properties = {}, required = [] } = fromZod(schema) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema: property,
  }));
}

export const header = (name: string, schema: z.ZodType, required: boolean, description: string) => ({
  name,
  in: 'header',
  required,
  description,
  schema: fromZod(schema),
});

export const ticketNumber = {
  name: 'number',
  in: 'path',
  required: true,
  schema: { type: 'string', examples: ['TF-100001'] },
};

const actionIdHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'the action’s id: sending it again with the same key joins the first attempt instead of acting twice',
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
};

// A reply follows one rule at every door (desk/correspondence/replies.ts): on a closed ticket it is kept.
const replyAccepted = {
  description: 'pending as any action; or the ticket is closed: kept as a clarification (R13)',
  content: {
    'application/json': {
      schema: { anyOf: [{ $ref: '#/components/schemas/PendingAction' }, object({ recorded: text })] },
    },
  },
  headers: errorResponses.pendingAction.headers,
};

/** POST /tickets/{number}/actions/{action}, one operation per action so each shows its own body. */
export function actionOperation(action: ActionName) {
  const { body, summary } = actionTable[action];
  return {
    operationId: action.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
    tags: ['actions'],
    summary,
    description: `Who may: ${actionRoles[action].join(', ')}. The caller is recorded as the actor.`,
    parameters: [ticketNumber, actionIdHeader],
    // The route reads a missing body as {}: it is required only when {} would not do.
    requestBody: {
      required: !body.safeParse({}).success,
      content: { 'application/json': { schema: fromZod(body) } },
    },
    responses: {
      200: jsonResponse('the ticket after the move', 'Ticket'),
      202: action === 'reply' ? replyAccepted : errorResponses.pendingAction,
      400: errorResponses.invalid,
      401: errorResponses.unauthorized,
      403: errorResponses.forbidden,
      404: errorResponses.notFound,
      409: jsonResponse('not allowed in the ticket’s current stage', 'NotAllowedNow'),
      503: errorResponses.unavailable,
    },
  };
}

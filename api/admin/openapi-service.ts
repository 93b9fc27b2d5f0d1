import { businessCalendarSchema } from '../../domain/calendar/schema';
import { slaPolicySchema } from '../../domain/sla-schema';
import { contractCreateSchema, contractsQuerySchema, contractUpdateSchema } from '../../desk/admin/schemas';
import { fromZod, type JsonSchema } from '../openapi/json-schema';
import { MAX_REVISION } from '../../domain/sla-rollout';
import { adminOperation, body, json, list, notFound, pathId } from './openapi-schemas';
import { errorResponses, queryParameters } from '../openapi/operations';

const rolloutFields: Record<string, JsonSchema> = {
  applyTo: {
    type: 'string',
    enum: ['new', 'running'],
    default: 'new',
    description:
      'who the change reaches: tickets opened from now on, or the running ones too (re-timed by a rollout)',
  },
  revision: {
    type: 'integer',
    description: 'ignored: the store counts revisions (a listed item may be sent back)',
  },
};

/**
 * The admin replaces a calendar or policy by the id in its path, so the body's own id may be left out; the
 * body also says who the change reaches.
 */
function withoutRequiredId(schema: JsonSchema, swap?: { drop: string; add: string; as: JsonSchema }) {
  const properties = { ...(schema.properties as Record<string, JsonSchema>), ...rolloutFields };
  let required = (schema.required as string[]).filter((key) => key !== 'id');
  if (swap) {
    delete properties[swap.drop];
    properties[swap.add] = swap.as;
    required = [...required.filter((key) => key !== swap.drop), swap.add];
  }
  return { ...schema, properties, required };
}

const calendarId: JsonSchema = { type: 'string', minLength: 1, description: 'the id of a business calendar' };

const revisionPath = {
  name: 'revision',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1, maximum: MAX_REVISION, examples: [2] },
};

const rolloutOperation = (operationId: string, what: string) =>
  adminOperation(operationId, `How far the rollout of a ${what} revision to running tickets got`, {
    parameters: [pathId(['itbx-bogota']), revisionPath],
    responses: {
      200: json('the rollout', 'SlaRollout'),
      400: errorResponses.invalid,
      404: notFound('rollout of this revision'),
      503: errorResponses.unavailable,
    },
  });

/** The contracts, calendars and SLA policies under /admin. */
export function adminServiceOperations() {
  const invalid = errorResponses.invalid;
  return {
    '/admin/contracts': {
      get: adminOperation('listContracts', 'Contracts, by organization and start', {
        parameters: queryParameters(contractsQuerySchema),
        responses: { 200: list('the contracts', 'Contract'), 400: invalid },
      }),
      post: adminOperation('createContract', 'Sign a contract for an organization', {
        requestBody: body(fromZod(contractCreateSchema)),
        responses: { 201: json('the contract', 'Contract'), 400: invalid },
      }),
    },
    '/admin/contracts/{id}': {
      patch: adminOperation('updateContract', 'Change a contract: renew it by moving validTo', {
        parameters: [pathId(['1'])],
        requestBody: body(fromZod(contractUpdateSchema)),
        responses: { 200: json('the contract', 'Contract'), 400: invalid, 404: notFound('contract') },
      }),
    },
    '/admin/calendars': {
      get: adminOperation('listCalendars', 'Business calendars', {
        responses: { 200: list('the calendars', 'Calendar') },
      }),
    },
    '/admin/calendars/{id}': {
      put: adminOperation(
        'replaceCalendar',
        'Create (201) or replace (200) a business calendar; applyTo "running" re-times running tickets',
        {
          parameters: [pathId(['itbx-bogota'])],
          requestBody: body(withoutRequiredId(fromZod(businessCalendarSchema))),
          responses: {
            200: json('replaced', 'Calendar'),
            201: json('created', 'Calendar'),
            400: invalid,
            503: errorResponses.unavailable,
          },
        },
      ),
    },
    '/admin/calendars/{id}/rollouts/{revision}': { get: rolloutOperation('calendarRollout', 'calendar') },
    '/admin/sla-policies': {
      get: adminOperation('listSlaPolicies', 'SLA policies', {
        responses: { 200: list('the policies', 'SlaPolicy') },
      }),
    },
    '/admin/sla-policies/{id}': {
      put: adminOperation(
        'replaceSlaPolicy',
        'Create (201) or replace (200) an SLA policy; running tickets keep theirs unless applyTo is "running"',
        {
          parameters: [pathId(['itbx-bogota'])],
          requestBody: body(
            withoutRequiredId(fromZod(slaPolicySchema), {
              drop: 'calendar',
              add: 'calendarId',
              as: calendarId,
            }),
          ),
          responses: {
            200: json('replaced', 'SlaPolicy'),
            201: json('created', 'SlaPolicy'),
            400: invalid,
            503: errorResponses.unavailable,
          },
        },
      ),
    },
    '/admin/sla-policies/{id}/rollouts/{revision}': { get: rolloutOperation('slaPolicyRollout', 'policy') },
  };
}

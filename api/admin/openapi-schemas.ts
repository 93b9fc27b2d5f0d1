import { agentKinds, roles } from '../../lib/directory';
import {
  object,
  oneOf,
  orNull,
  ref,
  text,
  textOrNull,
  time,
  timeOrNull,
  type JsonSchema,
} from '../openapi/json-schema';
import { accessResponses, errorResponses } from '../openapi/operations';

const integer = { type: 'integer' };
const named = object({ id: text, name: text });
/** Answered by a PUT with applyTo "running": the revision rolled out and where its progress is read. */
const rolloutStarted = object({ revision: integer, progress: text });

/** What the access and admin routes answer; objects stay open, as the ticket schemas do. */
export const adminSchemas = {
  Principal: object({
    id: text,
    name: text,
    email: text,
    role: oneOf(roles),
    organization: orNull(named),
    agentKind: { type: ['string', 'null'], enum: [...agentKinds, null] },
  }),
  Organization: object({
    id: text,
    name: text,
    reporterLimit: integer,
    activeRequesters: integer,
    accountManagerEmail: textOrNull,
    emailDomains: { type: 'array', items: text },
    createdAt: time,
  }),
  Person: object({
    id: text,
    email: text,
    name: text,
    role: oneOf(roles),
    agentKind: textOrNull,
    organization: orNull(named),
    active: { type: 'boolean' },
    createdAt: time,
  }),
  ApiToken: object({
    id: text,
    personId: text,
    label: text,
    createdAt: time,
    lastUsedAt: timeOrNull,
    revokedAt: timeOrNull,
  }),
  IssuedToken: object({ id: text, personId: text, label: text, createdAt: time, token: text }),
  Contract: object({
    id: text,
    organization: text,
    slaPolicyId: text,
    validFrom: text,
    validTo: textOrNull,
    accountManager: textOrNull,
    onsitePromiseMinutes: { type: ['integer', 'null'] },
    fastestOnsiteMinutes: { type: ['integer', 'null'] },
    specialHoursNoticeDays: { type: ['integer', 'null'] },
    calendarId: textOrNull,
    createdAt: time,
  }),
  Calendar: object(
    {
      id: text,
      name: text,
      timeZone: text,
      weekly: { type: 'object' },
      revision: integer,
      rollout: rolloutStarted,
    },
    ['rollout'],
  ),
  SlaPolicy: object(
    {
      id: text,
      name: text,
      calendarId: text,
      targets: { type: 'object' },
      revision: integer,
      rollout: rolloutStarted,
    },
    ['rollout'],
  ),
  SlaRollout: object({
    change: object({ kind: oneOf(['policy', 'calendar']), id: text, revision: integer }),
    found: integer,
    retimed: integer,
    alreadyCurrent: integer,
    closedMeanwhile: integer,
    failed: integer,
    pages: integer,
    startedAt: time,
    finishedAt: timeOrNull,
    done: { type: 'boolean' },
  }),
  ReporterLimitReached: object({ error: text, reporterLimit: integer, activeRequesters: integer }),
  FieldConflict: object({
    error: text,
    errors: { type: 'array', items: object({ field: text, message: text }) },
  }),
} satisfies Record<string, JsonSchema>;

type AdminSchema = keyof typeof adminSchemas;

export const json = (description: string, schema: AdminSchema) => ({
  description,
  content: { 'application/json': { schema: ref(schema) } },
});
export const list = (description: string, schema: AdminSchema) => ({
  description,
  content: { 'application/json': { schema: object({ items: { type: 'array', items: ref(schema) } }) } },
});

// Building blocks of the admin operations (api/openapi-admin*.ts).
export const body = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } });
export const pathId = (examples: string[]) => ({
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', examples },
});
export const notFound = (what: string) => ({ ...errorResponses.notFound, description: `no such ${what}` });

export const adminOperation = (operationId: string, summary: string, rest: Record<string, unknown>) => ({
  operationId,
  tags: ['admin'],
  summary,
  ...rest,
  responses: { ...(rest.responses as object), ...accessResponses },
});

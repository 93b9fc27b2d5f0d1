import { priorities } from '../../domain/priority';
import { clockStates } from '../../domain/sla-view';
import { channels, stages, tiers } from '../../domain/ticket';
import { ticketViewSchema } from '../../domain/ticket-view';
import {
  answerSchema,
  object,
  oneOf,
  orNull,
  ref,
  text,
  textOrNull,
  time,
  timeOrNull,
  type JsonSchema,
} from './json-schema';

// What the API answers; test/openapi.test.ts checks real answers against these schemas. Objects stay open
// (no additionalProperties: false): a client must not break when a field is added.

const page = (item: string): JsonSchema =>
  object({
    items: { type: 'array', items: ref(item) },
    total: { type: 'integer', minimum: 0 },
    limit: { type: 'integer', minimum: 1 },
    offset: { type: 'integer', minimum: 0 },
  });

const ticketSummary = object({
  number: { type: 'string', examples: ['TF-100001'] },
  stage: oneOf(stages),
  tier: oneOf(tiers),
  priority: oneOf(priorities),
  assignee: textOrNull,
  organization: text,
  channel: oneOf(channels),
  requesterEmail: text,
  receivedAt: time,
  updatedAt: time,
  closedAt: timeOrNull,
  slaState: { ...oneOf(clockStates), description: 'the worst of the response, resolution and onsite clocks' },
  responseDue: timeOrNull,
  resolutionDue: timeOrNull,
  waitingOnClient: { type: 'boolean' },
  held: orNull(object({ reason: oneOf(['contract-expired', 'not-justified']), detail: text, since: time })),
  planOverdue: {
    type: 'boolean',
    description: 'an activity of the work plan is past its planned end without completion (R8)',
  },
});

// The ticket view is the workflow's answer too, so its schema comes from the zod schema the type is inferred
// from; the summary and the rest are what only the projection knows.
const ticket: JsonSchema = {
  allOf: [
    ref('TicketSummary'),
    answerSchema(ticketViewSchema),
    object({
      intake: { type: 'object', description: 'the R2 request as accepted' },
      csat: orNull(
        object({
          score: { type: 'integer', minimum: 1, maximum: 5 },
          comment: textOrNull,
          submittedAt: time,
        }),
      ),
      timeline: {
        type: 'array',
        items: object({
          seq: { type: 'integer' },
          type: text,
          stage: oneOf(stages),
          actor: text,
          at: time,
          data: { type: 'object' },
        }),
      },
    }),
  ],
};

const dossier = object({
  id: text,
  ticketNumber: text,
  createdAt: time,
  dossier: {
    ...object({
      compiledAt: time,
      ticket: { type: 'object' },
      timeline: { type: 'array' },
      letters: { type: 'array' },
      dispatches: { type: 'array' },
    }),
    description: 'every event, letter and dispatch of the ticket as the manager was shown them',
  },
});

/** The ticket as the API shows it, and the lists and dossiers that carry it. */
export const ticketSchemas = {
  TicketSummary: ticketSummary,
  Ticket: ticket,
  TicketPage: page('TicketSummary'),
  Dossiers: object({ items: { type: 'array', items: dossier } }),
  Health: object({
    status: oneOf(['ok', 'unavailable']),
    dependencies: object({ PostgreSQL: oneOf(['up', 'down']), Temporal: oneOf(['up', 'down']) }),
  }),
  Parts: object({
    items: {
      type: 'array',
      items: object({
        partNumber: text,
        description: text,
        warehouses: {
          type: 'array',
          items: object({ id: text, name: text, city: text, leadMinutes: { type: 'integer' } }),
        },
      }),
    },
  }),
} satisfies Record<string, JsonSchema>;

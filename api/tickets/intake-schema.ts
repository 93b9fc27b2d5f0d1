import { z } from 'zod';
import { channels, type Channel } from '../../domain/ticket';
import { impacts, urgencies } from '../../domain/priority';
import { preferredOnsiteResponsePattern } from '../../domain/onsite-promise';

const required = (max = 500) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`);

const optional = (max = 5000) =>
  z.string({ error: 'must be text' }).trim().max(max, `at most ${max} characters`).optional();

// What String.prototype.trim() removes, spelt out (the document's pattern is read by other regex dialects),
// less the control characters every text refuses (domain/safe-text.ts).
const blank = '\\t\\n\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
// Checked before trimming, so the document's pattern is the server's: once trimmed, an optional "+" and five
// characters or more, the text starting and ending with no space.
const digits = '[0-9().-]';
const phoneNumber = new RegExp(
  `^[${blank}]*(?:\\+[0-9 ().-]{4,}${digits}|${digits}[0-9 ().-]{3,}${digits})[${blank}]*$`,
);

export const phone = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
  .regex(phoneNumber, 'a phone number such as +57 601 3557622')
  .trim()
  .min(1, 'required')
  .max(40, 'at most 40 characters');

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'required' : `one of ${values.join(', ')}`),
  });

const object = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: (issue) => (issue.input === undefined ? 'required' : 'must be an object') });

export const siteSchema = object({ address: required(500), building: required(200), room: required(200) });
export const siteContactSchema = object({ name: required(200), phone });
const remoteEngineerSchema = object({
  name: required(200),
  phone,
  email: required(320).pipe(z.email('a valid e-mail address')).optional(),
}).describe("the client's engineer who can give the desk remote access (R2, optional)");

/** R2: what a request must carry, field by field, whatever the channel. */
const intakeFields = {
  requester: object({
    name: required(200),
    // Stored lower-cased, as the directory stores people: one spelling of an address everywhere.
    email: required(320)
      .pipe(z.email('a valid e-mail address'))
      .transform((address) => address.toLowerCase()),
    phone,
  }),
  organization: required(200),
  site: siteSchema,
  siteContact: siteContactSchema,
  remoteEngineer: remoteEngineerSchema.optional(),
  affected: required(500),
  description: required(20_000),
  actionsTried: optional(),
  errorMessages: optional(),
  firstTime: z.boolean({ error: 'true or false' }).optional(),
  impact: oneOf(impacts),
  urgency: oneOf(urgencies),
  fieldWork: object({
    scope: required(5000),
    appointment: required(500),
    // R21: weighed against the contract's onsite promise, so it must be a duration the desk can read.
    preferredOnsiteResponse: required(200)
      .toLowerCase()
      .regex(preferredOnsiteResponsePattern, 'a duration such as 4h, 90m or 1h30m'),
  }).optional(),
  partReplacement: object({
    parts: z
      .array(object({ partNumber: required(100), warehouse: required(100).optional() }), {
        error: (issue) => (issue.input === undefined ? 'required' : 'must be a list'),
      })
      .min(1, 'at least one part number (R3)'),
  }).optional(),
};

const spokenChannels = ['phone', 'walk-in'] as const satisfies readonly Channel[];
const writtenChannels = ['portal', 'api', 'email'] as const satisfies readonly Channel[];

function isSpoken(channel: Channel): boolean {
  return (spokenChannels as readonly Channel[]).includes(channel);
}

const receivedAt = z.iso
  .datetime({ offset: true, error: 'an ISO 8601 date and time such as 2026-11-23T09:15:00-05:00' })
  .describe(
    'For phone and walk-in: when the call or visit was received (R1); not in the future, at most 7 days ago',
  );

/** What the API parses: one object, so that every bad field is named at once. */
export const ticketIntakeSchema = object({
  ...intakeFields,
  channel: oneOf(channels).default('portal'),
  receivedAt: receivedAt.optional(),
}).superRefine((intake, context) => {
  const spoken = isSpoken(intake.channel);
  const problem = spoken
    ? receivedAtProblem(intake.receivedAt)
    : intake.receivedAt && 'only for phone and walk-in';
  // Which channels carry receivedAt the document's oneOf states (a 400); which times will do, no schema can.
  const inDocument = !spoken || !intake.receivedAt;
  if (problem)
    context.addIssue({ code: 'custom', path: ['receivedAt'], message: problem, params: { inDocument } });
});

/**
 * The same rules as the OpenAPI document states them: the channel decides whether `receivedAt` is required
 * or refused, so a schema-valid body is never refused for it. Phone and walk-in are entered by the desk.
 */
export const ticketIntakeDocument = z.discriminatedUnion('channel', [
  object({ ...intakeFields, channel: oneOf(writtenChannels).default('portal') }).describe(
    'Sent by the requester or for them (portal, api, email): received when it arrives',
  ),
  object({ ...intakeFields, channel: oneOf(spokenChannels), receivedAt }).describe(
    'A phone call or walk-in entered by an agent or manager afterwards',
  ),
]);

const receivedWindowMs = 7 * 24 * 3_600_000;

/** A call is entered while or soon after it happens: not in the future, not more than a week ago. */
function receivedAtProblem(receivedAt: string | undefined): string | undefined {
  if (!receivedAt) return 'required for phone and walk-in: when the call or visit was received';
  const at = Date.parse(receivedAt);
  if (at > Date.now() + 60_000) return 'must not be in the future';
  if (at < Date.now() - receivedWindowMs) return 'at most 7 days ago';
  return undefined;
}

export type TicketIntakeBody = z.infer<typeof ticketIntakeSchema>;

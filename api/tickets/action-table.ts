import { z } from 'zod';
import { priorities } from '../../domain/priority';
import { timedTiers } from '../../domain/sla';
import { phone, siteContactSchema, siteSchema } from './intake-schema';
import type { ActionCommands, ActionName } from '../../workflows/messages';

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`);

const instantText = z.iso.datetime({ offset: true, error: 'an ISO 8601 instant with offset' });
const activityId = z.number({ error: 'the number of an activity of the plan' }).int().min(1);
const answerChannel = z.enum(['portal', 'api'], { error: 'one of portal, api' }).optional();

const plannedActivity = z
  .strictObject({
    title: text(200),
    owner: z.email({ error: 'the e-mail address of who carries it out' }),
    start: instantText,
    end: instantText,
    onSite: z.boolean({ error: 'true or false' }).optional(),
  })
  .refine((a) => Date.parse(a.end) > Date.parse(a.start), { message: 'must be after start', path: ['end'] });

type Body<A extends ActionName> = Omit<ActionCommands[A], 'actor'>;

interface ActionEntry<A extends ActionName> {
  /** The operation's summary in the OpenAPI document. */
  summary: string;
  /** The body the action takes; the actor comes from the request, not the body. */
  body: z.ZodType<Body<A>>;
}

/**
 * Every action a ticket takes over HTTP, one entry each: typed by action, so a new action does not compile
 * until it has its body and its line in the OpenAPI document; the route and the document both read it.
 */
export const actionTable: { [A in ActionName]: ActionEntry<A> } = {
  assign: {
    summary: 'Set or change the engineer',
    body: z.strictObject({ engineer: text(200) }),
  },
  'start-analysis': {
    summary: 'Start the analysis (OPEN → ANALYSIS, once assigned)',
    body: z.strictObject({ note: text(5000).optional() }),
  },
  'propose-solution': {
    summary: 'Record the solution (ANALYSIS → SOLUTION)',
    body: z.strictObject({ solution: text(20_000) }),
  },
  'start-testing': {
    summary: 'Hand the solution to the client for testing (SOLUTION → CUSTOMER_TESTING)',
    body: z.strictObject({ instructions: text(5000).optional() }),
  },
  accept: {
    summary: 'The client accepts the solution',
    body: z.strictObject({ comment: text(5000).optional() }),
  },
  reject: {
    summary: 'The client rejects the solution (→ ANALYSIS, R9)',
    body: z.strictObject({ reason: text(5000) }),
  },
  close: {
    summary: 'Record the resolution and close (needs a verification, R10)',
    body: z.strictObject({
      resolution: text(20_000),
      verification: z
        .strictObject({
          method: z.enum(['phone', 'email', 'in-person'], { error: 'one of phone, email, in-person' }),
          comment: text(5000).optional(),
        })
        .optional(),
    }),
  },
  'request-info': {
    summary: 'Ask the client a question; resolution and tier clocks pause (R11)',
    body: z.strictObject({ question: text(5000) }),
  },
  'provide-info': {
    summary: 'The client answers; the clocks resume',
    body: z.strictObject({ answer: text(20_000) }),
  },
  'change-priority': {
    summary: 'Change the priority and re-time every clock (R15)',
    body: z.strictObject({
      priority: z.enum(priorities, { error: `one of ${priorities.join(', ')}` }),
      reason: text(5000),
    }),
  },
  escalate: {
    summary: 'Move to the next rung of the ladder (R19)',
    body: z.strictObject({ reason: text(5000) }),
  },
  reply: {
    summary:
      "Add a message to the ticket's conversation; the requester's answer to a question resumes the clocks",
    body: z.strictObject({ message: text(20_000) }),
  },
  'complete-details': {
    summary: 'Fill in the R2 details an e-mail request lacked (`intake.missing`)',
    body: z.strictObject({
      site: siteSchema.optional(),
      siteContact: siteContactSchema.optional(),
      requesterPhone: phone.optional(),
    }),
  },
  hold: {
    summary: 'Hold the request as not justified; its clocks pause (R5)',
    body: z.strictObject({
      reason: z.literal('not-justified', {
        error: 'not-justified (a lapsed contract holds a ticket by itself)',
      }),
      detail: text(5000),
    }),
  },
  release: {
    summary: 'Resume a held request where it was: justified, or its contract renewed (R5)',
    body: z.strictObject({ note: text(5000).optional() }),
  },
  'draft-plan': {
    summary:
      "Put a work plan to the client (ANALYSIS, R8): objective and activities; outside the calendar's hours an activity is special-hours work and needs the contract's notice (R16), else 409 naming the earliest allowed start",
    body: z.strictObject({
      objective: text(5000),
      activities: z
        .array(plannedActivity, { error: 'a list of activities' })
        .min(1, 'at least one activity')
        .max(50, 'at most 50 activities'),
    }),
  },
  'approve-plan': {
    summary: 'The client approves the work plan; its activities may start (R8)',
    body: z.strictObject({ channel: answerChannel, note: text(5000).optional() }),
  },
  'decline-plan': {
    summary: 'The client declines the work plan, with the reason; it goes back to drafting (R8)',
    body: z.strictObject({ channel: answerChannel, reason: text(5000) }),
  },
  'start-activity': {
    summary: 'Start an activity of the approved plan, with a note (R8)',
    body: z.strictObject({ activity: activityId, note: text(5000) }),
  },
  'complete-activity': {
    summary: 'Complete a started activity of the plan, with a note (R8)',
    body: z.strictObject({ activity: activityId, note: text(5000) }),
  },
  'arrive-onsite': {
    summary: 'The dispatched engineer is on site (R21)',
    body: z.strictObject({ note: text(5000).optional() }),
  },
  decide: {
    summary: "The IT manager's decision (R20)",
    body: z.discriminatedUnion(
      'decision',
      [
        z.strictObject({
          decision: z.literal('continue'),
          tier: z.enum(timedTiers, { error: `one of ${timedTiers.join(', ')}` }),
          frameMinutes: z.number({ error: 'business minutes, a whole number' }).int().min(1).max(525_600),
          note: text(5000).optional(),
        }),
        z.strictObject({
          decision: z.literal('engage-vendor'),
          vendorCaseRef: text(200),
          note: text(5000).optional(),
        }),
        z.strictObject({ decision: z.literal('close-unresolved'), reason: text(5000) }),
      ],
      { error: 'one of continue, engage-vendor, close-unresolved' },
    ),
  },
};

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

type Body<A extends ActionName> = Omit<ActionCommands[A], 'actor'>;

/** The body each action takes; the actor comes from the request, not the body. */
export const actionBodySchemas: { [A in ActionName]: z.ZodType<Body<A>> } = {
  assign: z.strictObject({ engineer: text(200) }),
  'start-analysis': z.strictObject({ note: text(5000).optional() }),
  'propose-solution': z.strictObject({ solution: text(20_000) }),
  'start-testing': z.strictObject({ instructions: text(5000).optional() }),
  accept: z.strictObject({ comment: text(5000).optional() }),
  reject: z.strictObject({ reason: text(5000) }),
  close: z.strictObject({
    resolution: text(20_000),
    verification: z
      .strictObject({
        method: z.enum(['phone', 'email', 'in-person'], { error: 'one of phone, email, in-person' }),
        comment: text(5000).optional(),
      })
      .optional(),
  }),
  'request-info': z.strictObject({ question: text(5000) }),
  'provide-info': z.strictObject({ answer: text(20_000) }),
  'change-priority': z.strictObject({
    priority: z.enum(priorities, { error: `one of ${priorities.join(', ')}` }),
    reason: text(5000),
  }),
  escalate: z.strictObject({ reason: text(5000) }),
  reply: z.strictObject({ message: text(20_000) }),
  'complete-details': z.strictObject({
    site: siteSchema.optional(),
    siteContact: siteContactSchema.optional(),
    requesterPhone: phone.optional(),
  }),
  hold: z.strictObject({
    reason: z.literal('not-justified', {
      error: 'not-justified (a lapsed contract holds a ticket by itself)',
    }),
    detail: text(5000),
  }),
  release: z.strictObject({ note: text(5000).optional() }),
  'arrive-onsite': z.strictObject({ note: text(5000).optional() }),
  decide: z.discriminatedUnion(
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
};

import { z } from 'zod';
import { timedTiers } from '../../../domain/sla';

const day = z.iso.date({ error: 'a date, YYYY-MM-DD' });
const minutes = z
  .number({ error: 'must be a whole number of business minutes' })
  .int('must be a whole number of business minutes')
  .min(1, 'must be at least 1 minute')
  // Each clock is counted day by day on its calendar: a target of years would keep the answer for ever.
  .max(525_600, 'must be at most 525600 business minutes (a year of a 24x7 calendar)');

const targets = z
  .strictObject({ responseMinutes: minutes.optional(), resolutionMinutes: minutes.optional() })
  .refine((t) => !t.responseMinutes || !t.resolutionMinutes || t.responseMinutes <= t.resolutionMinutes, {
    message: 'must not exceed resolutionMinutes: a ticket is answered before it is solved',
    path: ['responseMinutes'],
  })
  .describe('business minutes; what is left out stays as it was');

/** What a manager proposes: an existing policy, or changes to the policy each ticket really had. */
export const proposedPolicy = z
  .strictObject({
    policyId: z
      .string()
      .min(1)
      .optional()
      .describe(
        'an existing SLA policy measured instead of each ticket’s own; the changes below apply on top',
      ),
    calendarId: z.string().min(1).optional().describe('an existing business calendar to count in instead'),
    targets: z
      .strictObject({
        P1: targets.optional(),
        P2: targets.optional(),
        P3: targets.optional(),
        P4: targets.optional(),
      })
      .optional(),
    tierMinutes: z
      .strictObject(
        Object.fromEntries(timedTiers.map((tier) => [tier, minutes.optional()])) as {
          [T in (typeof timedTiers)[number]]: z.ZodOptional<typeof minutes>;
        },
      )
      .optional()
      .describe('tier time frames in business minutes (R19)'),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: 'propose something: policyId, calendarId, targets or tierMinutes',
  });
export type ProposedPolicy = z.infer<typeof proposedPolicy>;

export const whatIfRequest = z
  .strictObject({
    from: day.describe('first day of the period (UTC), inclusive: tickets received from then'),
    to: day.describe('last day of the period (UTC), inclusive; on or after `from` (else 422)'),
    organization: z.string().min(1).optional().describe('one organization’s tickets; all when left out'),
    proposed: proposedPolicy,
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'on or after from' });
export type WhatIfRequest = z.infer<typeof whatIfRequest>;

/** The download's format: a query parameter, as for every report, so the body stays the question. */
export const whatIfQuery = z.strictObject({
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('csv: a download of the rows and their total (or Accept: text/csv)'),
});

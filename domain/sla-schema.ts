import { z } from 'zod';
import { businessCalendarSchema } from './calendar/schema';
import type { SlaPolicy } from './sla';

// Admins will upload policies through the API: every message says what is expected, and strict objects
// reject misspelt keys that would otherwise be dropped silently (a lost "P1" would leave tickets untimed).

const minutes = z
  .number({ error: 'must be a whole number of business minutes' })
  .int('must be a whole number of business minutes')
  .min(1, 'must be at least 1 minute');

const email = z.email({ error: 'must be an e-mail address' });

const priorityTargetsSchema = z
  .strictObject({
    responseMinutes: minutes,
    resolutionMinutes: minutes,
    statusUpdateMinutes: minutes.nullable(),
  })
  .refine((t) => t.responseMinutes <= t.resolutionMinutes, {
    message: 'must not exceed resolutionMinutes: a ticket is answered before it is solved',
    path: ['responseMinutes'],
  });

const perTier = <T extends z.ZodType>(value: T) =>
  z.strictObject({ TIER_1: value, TIER_2: value, TIER_3: value, ONSITE: value });

export const slaPolicySchema: z.ZodType<SlaPolicy> = z.strictObject({
  id: z.string().min(1, 'must not be empty'),
  name: z.string().min(1, 'must not be empty'),
  calendar: businessCalendarSchema,
  targets: z.strictObject({
    P1: priorityTargetsSchema,
    P2: priorityTargetsSchema,
    P3: priorityTargetsSchema,
    P4: priorityTargetsSchema,
  }),
  tierMinutes: perTier(minutes),
  onsiteResponseMinutes: minutes,
  customerTestingSilenceMinutes: minutes,
  atRiskShare: z
    .number({ error: 'must be a share between 0 and 1, e.g. 0.75' })
    .gt(0, 'must be more than 0')
    .lt(1, 'must be less than 1: at the full target the clock is breached, not at risk'),
  managerReminderMinutes: minutes,
  vendorFollowUpMinutes: minutes,
  specialHoursNoticeDays: z
    .number({ error: 'must be a whole number of business days' })
    .int('must be a whole number of business days')
    .min(0, 'must not be negative')
    .max(60, 'at most 60 business days')
    .optional(),
  planApprovalPausesClocks: z.boolean({ error: 'must be true or false' }).optional(),
  contacts: z.strictObject({ tierLeads: perTier(email), manager: email }),
});

import { z } from 'zod';

// The SLA as the API, the letters and the Temporal UI show it. The workflow keeps its clocks in its own shape
// (domain/sla-clock.ts) and maps them onto this one; the pieces it carries unchanged are defined here.

export const instant = z.iso.datetime({ offset: true });

export const clockStates = ['on_track', 'at_risk', 'breached', 'paused', 'met'] as const;
export type ClockState = (typeof clockStates)[number];

export const clockViewSchema = z.object({
  state: z.enum(clockStates),
  dueAt: instant.nullable(),
  targetMinutes: z.number(),
  usedMinutes: z.number(),
});
export type ClockView = z.infer<typeof clockViewSchema>;

const waitingOnClient = z
  .object({ since: instant, question: z.string(), by: z.string() })
  .describe('the open question to the client (R11)');
export type WaitingOnClient = z.infer<typeof waitingOnClient>;

const dispatch = z
  .object({
    dispatchId: z.string(),
    engineer: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    appointmentAt: instant,
  })
  .describe('the field engineer dispatched onsite (R21)');
export type OnsiteDispatch = z.infer<typeof dispatch>;

const manager = z
  .object({
    dossierId: z.string(),
    filed: z.boolean(),
    since: instant,
    nextReminderAt: instant,
    reminders: z.int(),
  })
  .describe('the IT manager decision point (R20)');
export type ManagerDecisionPoint = z.infer<typeof manager>;

const vendor = z
  .object({ caseRef: z.string(), engagedAt: instant, nextFollowUpAt: instant, followUps: z.int() })
  .describe('the vendor case, once engaged');
export type VendorCase = z.infer<typeof vendor>;

export const slaViewSchema = z.object({
  state: z.enum(clockStates).describe('the worst of the response, resolution and onsite clocks'),
  policyId: z.string(),
  calendarId: z.string(),
  specialHoursNoticeDays: z
    .int()
    .describe("business days of notice special-hours work needs on the ticket's contract (R16)")
    .optional(),
  response: clockViewSchema.nullable(),
  resolution: clockViewSchema.nullable(),
  tierFrame: clockViewSchema.nullable(),
  onsite: clockViewSchema.nullable(),
  waitingOnClient: waitingOnClient.nullable(),
  testingDeadline: instant.nullable(),
  nextStatusUpdateAt: instant.nullable(),
  statusUpdatesSent: z.int(),
  dispatch: dispatch.nullable(),
  manager: manager.nullable(),
  vendor: vendor.nullable(),
  escalations: z.int(),
});
export type SlaView = z.infer<typeof slaViewSchema>;

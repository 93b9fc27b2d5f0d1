import { z } from 'zod';
import { priorities } from './priority';
import { instant, slaViewSchema } from './sla-view';
import { channels, stages, tiers, type TicketIntake } from './ticket';
import { workPlanSchema } from './work-plan';
import { incidentNoticeSchema } from './incident';

// One shape of a ticket for everyone outside its workflow: the workflow's query and updates answer it, the
// projection stores it, the API answers it (with what only the projection knows added), the letters quote it
// and the OpenAPI document describes it, generated from this schema. The workflow's own state stays its own.

const signed = { by: z.string(), at: instant };
const signedText = z.object({ text: z.string(), ...signed });
export type SignedText = z.infer<typeof signedText>;

export const verificationMethods = ['client-accepted', 'silence', 'phone', 'email', 'in-person'] as const;

const verification = z.object({
  /** `silence` when the client did not answer within the customer-testing period (R9). */
  method: z.enum(verificationMethods),
  ...signed,
  comment: z.string().optional(),
});
export type Verification = z.infer<typeof verification>;

export const ticketViewSchema = z.object({
  number: z.string().meta({ examples: ['TF-100001'] }),
  stage: z.enum(stages),
  tier: z.enum(tiers),
  priority: z.enum(priorities),
  assignee: z.string().nullable(),
  organization: z.string(),
  channel: z.enum(channels),
  receivedAt: instant,
  stageEnteredAt: z
    .partialRecord(z.enum(stages), instant)
    .describe('when the ticket entered each stage it has been in, in procedure order'),
  solution: signedText.nullable(),
  verification: verification.nullable(),
  resolution: signedText.nullable(),
  sla: slaViewSchema.nullable(),
  plan: workPlanSchema.nullable(),
  incident: incidentNoticeSchema.nullable(),
  allowedActions: z.array(z.string()),
});
export type TicketView = z.infer<typeof ticketViewSchema>;

/** What a letter may quote, as the ticket stood when the letter was queued. */
export type LetterTicket = Pick<
  TicketView,
  'number' | 'stage' | 'priority' | 'tier' | 'organization' | 'solution' | 'resolution' | 'sla'
> & {
  requester: { name: string; email: string };
  affected: string;
  description: string;
};

/** R5: why service is held, while it is. */
export interface HeldNotice {
  reason: 'contract-expired' | 'not-justified';
  detail: string;
  since: string;
}

/** The view with what the projection stores besides: the intake, the hold, and the version that orders writes. */
export interface TicketSnapshot extends TicketView {
  intake: TicketIntake;
  held: HeldNotice | null;
  version: number;
}

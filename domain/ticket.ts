import type { Impact, Priority, Urgency } from './priority';
import type { SlaView } from '../workflows/sla-view';

/** The five stages of the ITBX procedure (R8). */
export const stages = ['OPEN', 'ANALYSIS', 'SOLUTION', 'CUSTOMER_TESTING', 'CLOSED'] as const;
export type Stage = (typeof stages)[number];

/** The escalation ladder (R19); the skeleton starts every ticket at Tier 1. */
export const tiers = ['TIER_1', 'TIER_2', 'TIER_3', 'ONSITE', 'MANAGER'] as const;
export type Tier = (typeof tiers)[number];

export const channels = ['portal', 'api', 'email', 'phone', 'walk-in'] as const;
export type Channel = (typeof channels)[number];

/**
 * What the requester tells us at intake (R2). A form must carry every required field; an e-mail may lack
 * the phone, site and site contact, which `missing` then names so the acknowledgement asks for them.
 */
export interface TicketIntake {
  requester: { name: string; email: string; phone?: string };
  organization: string;
  site?: { address: string; building: string; room: string };
  siteContact?: { name: string; phone: string };
  missing?: string[];
  /** When a phone call or visit was received, if earlier than the ticket's entry (R1). */
  receivedAt?: string;
  /** The agent who entered the request for the caller (R1), when not the requester. */
  enteredBy?: string;
  affected: string;
  description: string;
  actionsTried?: string;
  errorMessages?: string;
  firstTime?: boolean;
  impact: Impact;
  urgency: Urgency;
  channel: Channel;
  fieldWork?: { scope: string; appointment: string; preferredOnsiteResponse: string };
  /** R3: the parts to replace; a warehouse left out is chosen by the shortest lead time. */
  partReplacement?: { parts: { partNumber: string; warehouse?: string }[] };
}

/** One thing that happened to a ticket, as its timeline shows it. */
export interface TimelineEntry {
  seq: number;
  type: string;
  stage: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

export interface Signed {
  by: string;
  at: string;
}

export interface Verification extends Signed {
  /** `silence` when the client did not answer within the customer-testing period (R9). */
  method: 'client-accepted' | 'silence' | 'phone' | 'email' | 'in-person';
  comment?: string;
}

/** The ticket as the API shows it; the workflow is its source of truth. */
export interface TicketView {
  number: string;
  stage: Stage;
  tier: Tier;
  priority: Priority;
  assignee: string | null;
  organization: string;
  channel: Channel;
  receivedAt: string;
  stageEnteredAt: Partial<Record<Stage, string>>;
  solution: (Signed & { text: string }) | null;
  verification: Verification | null;
  resolution: (Signed & { text: string }) | null;
  sla: SlaView | null;
  allowedActions: string[];
}

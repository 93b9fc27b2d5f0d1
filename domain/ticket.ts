import type { Impact, Urgency } from './priority';

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
  /** R2, optional: the client's engineer who gives the desk remote access. */
  remoteEngineer?: { name: string; phone: string; email?: string };
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

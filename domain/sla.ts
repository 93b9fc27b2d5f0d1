import type { BusinessCalendar } from './calendar/types';
import type { Priority } from './priority';
import type { SlaRevisions } from './sla-rollout';

/** Tiers with a time frame of their own; the manager decision point waits for a decision instead. */
export const timedTiers = ['TIER_1', 'TIER_2', 'TIER_3', 'ONSITE'] as const;
export type TimedTier = (typeof timedTiers)[number];

export interface PriorityTargets {
  /** Business minutes until an agent first contacts the requester. */
  responseMinutes: number;
  /** Business minutes until a solution is given. */
  resolutionMinutes: number;
  /** Business minutes between status updates to the requester (R17); null: none. */
  statusUpdateMinutes: number | null;
}

/**
 * What a contract promises (R16, R17, R19, R21, R9), as data: the workflow reads it, never a literal.
 * Every duration is in business minutes on `calendar`; a 24x7 calendar makes them plain elapsed minutes.
 */
export interface SlaPolicy {
  id: string;
  name: string;
  calendar: BusinessCalendar;
  targets: Record<Priority, PriorityTargets>;
  tierMinutes: Record<TimedTier, number>;
  /** Onsite response promise: an engineer on site within this many minutes of dispatch (R21). */
  onsiteResponseMinutes: number;
  /**
   * The contract's: the fastest onsite response a field-work request may ask for (R21). Null or absent (a
   * policy loaded before contracts had it): the promise stands whatever the requester prefers.
   */
  fastestOnsiteMinutes?: number | null;
  /** Client silence in customer testing taken as acceptance (R9). */
  customerTestingSilenceMinutes: number;
  /** Share of a target used at which a clock turns at risk, e.g. 0.75. */
  atRiskShare: number;
  managerReminderMinutes: number;
  vendorFollowUpMinutes: number;
  /** Business days of notice special-hours work needs (R16); a contract may set its own. Default 3. */
  specialHoursNoticeDays?: number;
  /** Whether resolution and tier clocks pause while a work plan waits on the client's approval (R8). Default yes. */
  planApprovalPausesClocks?: boolean;
  /** Who hears of at-risk and breached clocks and of escalations. */
  contacts: { tierLeads: Record<TimedTier, string>; manager: string };
  /** The stored revisions this copy was read at; absent on tickets opened before policies had revisions. */
  revisions?: SlaRevisions;
}

import type { Tier } from './ticket';

// One rule for when a held field-work request goes Onsite, so the workflow and the what-if replay of a
// ticket send it there at the same release.

export interface ReleasedTicket {
  /** A request for field work (R21). */
  fieldWork: boolean;
  tier: Tier;
  /** Rungs climbed, by hand or not. */
  escalations: number;
  /** Someone was sent on site. */
  dispatched: boolean;
  /** A plan with the client still holds the desk's clocks (R8): service resumes only once it is answered. */
  planHolds: boolean;
}

/**
 * R5, R21: a field-work request held at intake was never sent Onsite, as held service sends nobody; its
 * release sends it there. One that has climbed or had someone sent since has its path already.
 */
export function goesOnsiteOnRelease(ticket: ReleasedTicket): boolean {
  const neverDispatched = ticket.tier === 'TIER_1' && ticket.escalations === 0 && !ticket.dispatched;
  return ticket.fieldWork && neverDispatched && !ticket.planHolds;
}

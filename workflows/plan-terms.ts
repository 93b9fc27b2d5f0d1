import { planTerms } from '../domain/plan-terms';
import type { TicketState } from './ticket-state';

// The terms are the domain's, so the what-if replay pauses its clocks for a plan exactly as a ticket does.
export { planTerms } from '../domain/plan-terms';

/** The plan waits on the client, and the contract has the clocks wait with it. */
export function clocksWaitOnPlan(state: TicketState): boolean {
  return state.plan?.status === 'awaiting-approval' && planTerms(state.sla.policy).pausesClocks;
}

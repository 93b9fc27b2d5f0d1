import type { SlaPolicy } from '../domain/sla';
import { planTermDefaults } from '../domain/plan-terms';
import type { TicketState } from './ticket-state';

/** The plan's terms on the ticket's contract: its policy's, else the procedure's defaults. */
export function planTerms(policy: SlaPolicy) {
  return {
    noticeDays: policy.specialHoursNoticeDays ?? planTermDefaults.specialHoursNoticeDays,
    pausesClocks: policy.planApprovalPausesClocks ?? planTermDefaults.planApprovalPausesClocks,
  };
}

/** The plan waits on the client, and the contract has the clocks wait with it. */
export function clocksWaitOnPlan(state: TicketState): boolean {
  return state.plan?.status === 'awaiting-approval' && planTerms(state.sla.policy).pausesClocks;
}

import type { ClockState, ClockView, SlaView } from '../domain/sla-view';
import { clockState, worstState, type SlaClock } from './sla-clock';
import { planTerms } from './plan-terms';
import type { TicketSla } from './ticket-state';

function clockView(clock: SlaClock | null): ClockView | null {
  if (!clock) return null;
  return {
    state: clockState(clock),
    dueAt: clock.dueAt,
    targetMinutes: clock.targetMinutes,
    usedMinutes: clock.usedMinutes,
  };
}

/** The ticket's SLA as the API and the Temporal UI show it: the worst of the clocks the requester was promised. */
export function slaState(sla: TicketSla): ClockState {
  return worstState([sla.response, sla.resolution, ...(sla.onsite ? [sla.onsite] : [])].map(clockState));
}

export function slaView(sla: TicketSla): SlaView {
  return {
    state: slaState(sla),
    policyId: sla.policy.id,
    calendarId: sla.policy.calendar.id,
    specialHoursNoticeDays: planTerms(sla.policy).noticeDays,
    response: clockView(sla.response),
    resolution: clockView(sla.resolution),
    tierFrame: clockView(sla.tier),
    onsite: clockView(sla.onsite),
    waitingOnClient: sla.waitingOnClient,
    testingDeadline: sla.testingDeadline,
    nextStatusUpdateAt: sla.nextStatusUpdateAt,
    statusUpdatesSent: sla.statusUpdatesSent,
    dispatch: sla.dispatch,
    manager: sla.manager,
    vendor: sla.vendor,
    escalations: sla.escalations,
  };
}

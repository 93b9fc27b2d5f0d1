import { nextTier, onsiteFrameMinutes, tierFrameMinutes } from '../domain/escalation-ladder';
import { onsitePromise, onsiteTerms, type OnsiteTerms } from '../domain/onsite-promise';
import { calendar as businessCalendar, escalation } from './activity-proxies';
import { deadline } from './business-deadline';
import { haltClock, startClock } from './sla-clock';
import type { EventDraft, TicketState } from './ticket-state';

/** Moves the ticket one rung up and re-queues it there; the clocks follow in service-level.ts. */
export function climbLadder(
  state: TicketState,
  actor: string,
  reason: string,
  automatic: boolean,
): EventDraft[] {
  const from = state.tier;
  const to = nextTier(from);
  // Nothing is above the IT manager; the rules refuse to escalate there before it comes to this.
  if (!to) return [];
  state.tier = to;
  state.assignee = null;
  state.sla.escalations += 1;
  const data = { from, to, reason, automatic };
  const { contacts } = state.sla.policy;
  const lead = to === 'MANAGER' ? contacts.manager : contacts.tierLeads[to];
  return [
    { type: 'escalated', actor, data, notify: 'escalated' },
    ...(lead
      ? [
          {
            type: 'queued-at-tier' as const,
            actor,
            data,
            notify: 'escalation-queued' as const,
            notifyTo: [lead],
          },
        ]
      : []),
  ];
}

/**
 * The ticket arrives at a rung of the ladder: a timed tier starts its time frame; Onsite also dispatches a
 * field engineer against the onsite promise (R21); the manager decision point waits for the manager (R20).
 */
export async function enterTier(
  state: TicketState,
  at: string,
  frameMinutes?: number,
): Promise<EventDraft[]> {
  const { sla } = state;
  const { policy } = sla;
  if (state.tier === 'MANAGER') {
    if (sla.tier) await haltClock(sla.tier, policy.calendar, at, 'stopped');
    sla.tier = null;
    const nextReminderAt = await deadline(sla, at, policy.managerReminderMinutes);
    sla.manager = {
      dossierId: `${state.number}/dossier/${sla.escalations}`,
      filed: false,
      since: at,
      nextReminderAt,
      reminders: 0,
    };
    return [];
  }
  if (state.tier !== 'ONSITE') {
    sla.tier = await startClock(policy.calendar, tierFrameMinutes(policy, state.tier, frameMinutes), 1, at);
    return [];
  }
  const promise = onsitePromise(policy, state.intake.fieldWork?.preferredOnsiteResponse);
  sla.tier = await startClock(policy.calendar, onsiteFrameMinutes(policy, promise, frameMinutes), 1, at);
  return dispatchOnsite(state, at, await onsiteTerms(businessCalendar, policy, promise, at));
}

/**
 * R21, R22: the ticket's field engineer, with an appointment within the promise; the onsite clock starts.
 * At intake the opening terms bring the promise and its clock; on the ladder, enterTier works them out.
 */
export async function dispatchOnsite(
  state: TicketState,
  at: string,
  { promise, promiseDue, clock }: OnsiteTerms,
): Promise<EventDraft[]> {
  const { sla } = state;
  const dispatchId = `${state.number}/onsite/${sla.escalations}`;
  const dispatched = await escalation.dispatchFieldEngineer({
    dispatchId,
    ticketNumber: state.number,
    organization: state.intake.organization,
    promiseDue,
  });
  if (!dispatched) {
    return [
      {
        type: 'dispatch-failed',
        actor: 'system',
        data: { promiseDue },
        notify: 'dispatch-failed',
        notifyTo: [sla.policy.contacts.manager],
      },
    ];
  }
  sla.dispatch = { dispatchId, ...dispatched };
  state.assignee = dispatched.engineer.email;
  sla.onsite = clock;
  const data = {
    engineer: dispatched.engineer,
    appointmentAt: dispatched.appointmentAt,
    promiseDue,
    promiseMinutes: promise.minutes,
    promiseBy: promise.source,
  };
  return [
    { type: 'engineer-dispatched', actor: 'system', data, notify: 'engineer-dispatched' },
    {
      type: 'dispatch-assigned',
      actor: 'system',
      data,
      notify: 'dispatch-assigned',
      notifyTo: [dispatched.engineer.email],
    },
  ];
}

import { ApplicationFailure } from '@temporalio/workflow';
import { goesOnsiteOnRelease } from '../domain/field-work';
import type { OnsiteTerms } from '../domain/onsite-promise';
import { dispatchOnsite, enterTier } from './escalation-ladder';
import { failureTypes, type AppointmentBeyondPromise } from './messages';
import { clocksWaitOnPlan } from './plan-terms';
import { clockState } from './sla-clock';
import type { EventDraft, TicketState } from './ticket-state';

/**
 * R21, R22: a request for field work needs someone on site, so it starts at the Onsite rung: its field team
 * (field engineer and second-line engineer, for its whole life) is chosen and dispatched at intake, against
 * the promise its opening terms bring with the Onsite frame. A request held at intake (R5) has none: held
 * service sends nobody.
 */
export async function dispatchFieldWorkAtIntake(
  state: TicketState,
  onsite: OnsiteTerms | null,
  at: string,
): Promise<EventDraft[]> {
  if (!onsite) return [];
  state.tier = 'ONSITE';
  return dispatchOnsite(state, at, onsite);
}

/** A field-work request held at intake (R5) is dispatched once service is released, by the domain's rule. */
export async function dispatchFieldWorkOnRelease(state: TicketState, at: string): Promise<EventDraft[]> {
  const { sla } = state;
  const released = {
    fieldWork: Boolean(state.intake.fieldWork),
    tier: state.tier,
    escalations: sla.escalations,
    dispatched: Boolean(sla.dispatch),
    planHolds: clocksWaitOnPlan(state),
  };
  if (!goesOnsiteOnRelease(released)) return [];
  state.tier = 'ONSITE';
  return enterTier(state, at);
}

/** Refuses before the history holds it: a closed ticket, or a dispatch that is not the one in force. */
export function validateAppointmentBeyondPromise(
  state: TicketState,
  command: AppointmentBeyondPromise,
): void {
  const missing = (['actor', 'dispatchId', 'at', 'reason'] as const).filter(
    (field) => typeof command?.[field] !== 'string' || command[field].trim() === '',
  );
  if (missing.length > 0) {
    throw ApplicationFailure.create({
      type: failureTypes.invalidCommand,
      message: `appointment: ${missing.join(', ')} required`,
      details: missing.map((field) => ({ field, message: 'required' })),
      nonRetryable: true,
    });
  }
  const blocked =
    state.stage === 'CLOSED'
      ? `ticket ${state.number} is closed`
      : state.sla.dispatch?.dispatchId !== command.dispatchId
        ? `dispatch ${command.dispatchId} is not the one in force on ticket ${state.number}`
        : undefined;
  if (blocked) {
    throw ApplicationFailure.create({
      type: failureTypes.transitionNotAllowed,
      message: `appointment: ${blocked}`,
      details: [{ stage: state.stage, allowed: [] }],
      nonRetryable: true,
    });
  }
}

/**
 * R21: the site contact can only be seen after the onsite promise runs out. The promise is now at risk (or
 * breached already), and the Onsite tier's lead hears of it with the reason, while there is time to act.
 */
export function agreeAppointmentBeyondPromise(
  state: TicketState,
  command: AppointmentBeyondPromise,
): EventDraft[] {
  const { onsite, policy } = state.sla;
  if (onsite?.status === 'running') onsite.atRisk = true;
  const data = {
    dispatchId: command.dispatchId,
    appointmentAt: command.at,
    promiseDue: onsite?.dueAt ?? null,
    reason: command.reason,
    onsite: onsite ? clockState(onsite) : null,
  };
  return [
    {
      type: 'appointment-beyond-promise',
      actor: command.actor,
      data,
      notify: 'appointment-beyond-promise',
      notifyTo: [policy.contacts.tierLeads.ONSITE],
    },
  ];
}

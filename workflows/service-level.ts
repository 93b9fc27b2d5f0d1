import type { OpeningTerms } from '../activities/opening-terms';
import type { ClockEvent } from '../domain/clock-effects';
import type { Priority } from '../domain/priority';
import { calendar as businessCalendar, contracts } from './activity-proxies';
import { deadline } from './business-deadline';
import { clockWaits, replyClockWaits } from './clock-waits';
import { enterTier } from './escalation-ladder';
import { dispatchFieldWorkOnRelease } from './field-work';
import type { ActionCommands, ActionName } from './messages';
import { clocksWaitOnPlan } from './plan-terms';
import { followClockEvent, haltClock, retimeForPriority } from './sla-clock';
import {
  newTicketState,
  type EventDraft,
  type OpenTicketInput,
  type TicketSla,
  type TicketState,
} from './ticket-state';

export interface OpenedTicket {
  state: TicketState;
  /** What intake still acts on: whether the contract has lapsed (R5), the onsite promise of field work (R21). */
  terms: OpeningTerms;
}

/**
 * The contract's terms are read once, at intake, and travel with the ticket: a later policy edit never re-times
 * it but by a rollout (sla-retiming.ts). One local activity answers them all.
 */
export async function openTicket(input: OpenTicketInput): Promise<OpenedTicket> {
  const terms = await contracts.openingTerms({
    organization: input.intake.organization,
    at: input.receivedAt,
    priority: input.priority,
    partsLeadMinutes: partsLeadMinutes(input),
    fieldWork: input.intake.fieldWork ?? null,
  });
  const sla: TicketSla = {
    policy: terms.policy,
    response: terms.response,
    resolution: terms.resolution,
    tier: terms.tier,
    onsite: null,
    testingDeadline: null,
    nextStatusUpdateAt: terms.nextStatusUpdateAt,
    statusUpdatesSent: 0,
    waitingOnClient: null,
    dispatch: null,
    manager: null,
    vendor: null,
    escalations: 0,
  };
  return { state: newTicketState(input, sla), terms };
}

/** R3: the shipment of the slowest part counts into the response time. */
export function partsLeadMinutes(ticket: Pick<TicketState, 'parts'>): number {
  return Math.max(0, ...(ticket.parts ?? []).map((part) => part.leadMinutes));
}

/** R17: P1/P2 tickets tell the requester how things stand at the policy's interval until resolved. */
export async function scheduleStatusUpdate(sla: TicketSla, priority: Priority, from: string): Promise<void> {
  const interval = sla.policy.targets[priority].statusUpdateMinutes;
  const unresolved = sla.resolution.status !== 'stopped';
  sla.nextStatusUpdateAt = interval !== null && unresolved ? await deadline(sla, from, interval) : null;
}

/**
 * How the clocks follow what just happened (R11, R15, R19–R21). Returns what else there is to record. Which
 * clock an event stops, pauses or resumes is the domain's table, the one the what-if report replays by.
 */
export async function afterAction<A extends ActionName>(
  state: TicketState,
  name: A,
  command: ActionCommands[A],
  at: string,
): Promise<EventDraft[]> {
  const { sla } = state;
  const follow = (event: ClockEvent) => followClockEvent(sla, event, clockWaits(state), at);

  switch (name) {
    case 'start-analysis':
      await follow('analysis-started');
      break;
    case 'request-info':
      await follow('info-requested');
      await pauseTestingSilence(sla, at);
      break;
    case 'provide-info':
      await resumeTestingSilence(sla, at);
      await follow('info-provided');
      break;
    case 'draft-plan':
      await follow('plan-proposed');
      break;
    case 'approve-plan':
      await follow('plan-approved');
      break;
    case 'decline-plan':
      await follow('plan-declined');
      break;
    case 'hold':
      await follow('held');
      break;
    case 'release':
      await follow('released');
      return dispatchFieldWorkOnRelease(state, at);
    case 'reply':
      await followClockEvent(sla, 'reply-received', replyClockWaits(state), at);
      if (!sla.waitingOnClient && !clocksWaitOnPlan(state)) await resumeTestingSilence(sla, at);
      break;
    case 'propose-solution':
      await follow('solution-proposed');
      sla.nextStatusUpdateAt = null;
      break;
    case 'start-testing':
      sla.testingDeadline = await deadline(sla, at, sla.policy.customerTestingSilenceMinutes);
      break;
    case 'accept':
      sla.testingDeadline = null;
      sla.testingSilenceLeft = null;
      break;
    case 'reject':
      sla.testingDeadline = null;
      sla.testingSilenceLeft = null;
      await follow('rejected');
      await scheduleStatusUpdate(sla, state.priority, at);
      break;
    case 'change-priority':
      await retimeForPriority(sla, state.priority, partsLeadMinutes(state), at);
      await scheduleStatusUpdate(sla, state.priority, at);
      break;
    case 'escalate':
      return enterTier(state, at);
    case 'arrive-onsite':
      await follow('engineer-on-site');
      break;
    case 'decide':
      return afterDecision(state, command as ActionCommands['decide'], at);
  }
  if (state.stage === 'CLOSED') await closeClocks(state, at);
  return [];
}

/**
 * R11 in customer testing: while a question waits for the client, its silence is no acceptance; the answer
 * restarts the period with the business minutes it had left. Only a question asked in testing sets
 * `testingSilenceLeft`, so a ticket that never asked one there replays as before.
 */
async function pauseTestingSilence(sla: TicketSla, at: string): Promise<void> {
  if (!sla.testingDeadline) return;
  const { calendar } = sla.policy;
  const left = await businessCalendar.businessMinutesElapsed({ calendar, from: at, to: sla.testingDeadline });
  sla.testingDeadline = null;
  sla.testingSilenceLeft = Math.max(0, left);
}

async function resumeTestingSilence(sla: TicketSla, at: string): Promise<void> {
  if (sla.testingSilenceLeft === undefined || sla.testingSilenceLeft === null) return;
  sla.testingDeadline = await deadline(sla, at, sla.testingSilenceLeft);
  sla.testingSilenceLeft = null;
}

export async function closeClocks(state: TicketState, at: string): Promise<void> {
  const { sla } = state;
  for (const clock of [sla.response, sla.resolution, sla.tier, sla.onsite]) {
    if (clock && clock.status !== 'stopped') await haltClock(clock, sla.policy.calendar, at, 'stopped');
  }
  sla.testingDeadline = null;
  sla.testingSilenceLeft = null;
  sla.nextStatusUpdateAt = null;
}

async function afterDecision(state: TicketState, decision: ActionCommands['decide'], at: string) {
  const { sla } = state;
  if (decision.decision === 'continue') return enterTier(state, at, decision.frameMinutes);
  if (decision.decision === 'engage-vendor') {
    const nextFollowUpAt = await deadline(sla, at, sla.policy.vendorFollowUpMinutes);
    sla.vendor = { caseRef: decision.vendorCaseRef, engagedAt: at, nextFollowUpAt, followUps: 0 };
  }
  if (state.stage === 'CLOSED') await closeClocks(state, at);
  return [];
}

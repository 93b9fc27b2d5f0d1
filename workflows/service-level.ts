import type { OpeningTerms } from '../activities/opening-terms';
import type { Priority } from '../domain/priority';
import { calendar as businessCalendar, contracts } from './activity-proxies';
import { deadline } from './business-deadline';
import { enterTier } from './escalation-ladder';
import { dispatchFieldWorkOnRelease } from './field-work';
import type { ActionCommands, ActionName } from './messages';
import { clocksWaitOnPlan, planTerms } from './plan-terms';
import { haltClock, retargetClock, runClock } from './sla-clock';
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

/** How the clocks follow what just happened (R11, R15, R19–R21). Returns what else there is to record. */
export async function afterAction<A extends ActionName>(
  state: TicketState,
  name: A,
  command: ActionCommands[A],
  at: string,
): Promise<EventDraft[]> {
  const { sla } = state;
  const { calendar, atRiskShare } = sla.policy;
  const halt = (clock: TicketSla['response'] | null, as: 'paused' | 'stopped') =>
    clock && clock.status === 'running' ? haltClock(clock, calendar, at, as) : undefined;
  const resume = (clock: TicketSla['response'] | null, from: 'paused' | 'stopped') =>
    clock && clock.status === from
      ? runClock(clock, calendar, clock === sla.tier ? 1 : atRiskShare, at)
      : undefined;

  switch (name) {
    case 'start-analysis':
      await halt(sla.response, 'stopped');
      break;
    case 'request-info':
      // Asking the client is a first contact; the other clocks wait for the answer.
      await halt(sla.response, 'stopped');
      await halt(sla.resolution, 'paused');
      await halt(sla.tier, 'paused');
      await pauseTestingSilence(sla, at);
      break;
    case 'provide-info':
      await resumeTestingSilence(sla, at);
      if (clocksWaitOnPlan(state)) break;
      await resume(sla.resolution, 'paused');
      await resume(sla.tier, 'paused');
      break;
    case 'draft-plan':
      // The client's time to decide is not the desk's, when the contract says so (R8).
      if (!planTerms(sla.policy).pausesClocks) break;
      await halt(sla.resolution, 'paused');
      await halt(sla.tier, 'paused');
      break;
    case 'approve-plan':
    case 'decline-plan':
      if (!planTerms(sla.policy).pausesClocks || sla.waitingOnClient || state.held) break;
      await resume(sla.resolution, 'paused');
      await resume(sla.tier, 'paused');
      break;
    case 'hold':
      await pauseForHold(state, at);
      break;
    case 'release':
      await resume(sla.response, 'paused');
      if (clocksWaitOnPlan(state)) break;
      await resume(sla.resolution, 'paused');
      await resume(sla.tier, 'paused');
      return dispatchFieldWorkOnRelease(state, at);
    case 'reply':
      // Only an answer that ended the wait resumes; any other message leaves the clocks as they are.
      if (!sla.waitingOnClient && !clocksWaitOnPlan(state)) {
        await resume(sla.resolution, 'paused');
        await resume(sla.tier, 'paused');
        await resumeTestingSilence(sla, at);
      }
      break;
    case 'propose-solution':
      await halt(sla.response, 'stopped');
      await halt(sla.resolution, 'stopped');
      await halt(sla.tier, 'stopped');
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
      await resume(sla.resolution, 'stopped');
      await resume(sla.tier, 'stopped');
      await scheduleStatusUpdate(sla, state.priority, at);
      break;
    case 'change-priority': {
      const targets = sla.policy.targets[state.priority];
      const response = targets.responseMinutes + partsLeadMinutes(state);
      await retargetClock(sla.response, calendar, response, atRiskShare, at);
      await retargetClock(sla.resolution, calendar, targets.resolutionMinutes, atRiskShare, at);
      await scheduleStatusUpdate(sla, state.priority, at);
      break;
    }
    case 'escalate':
      return enterTier(state, at);
    case 'arrive-onsite':
      await halt(sla.onsite, 'stopped');
      break;
    case 'decide':
      return afterDecision(state, command as ActionCommands['decide'], at);
  }
  if (state.stage === 'CLOSED') await closeClocks(state, at);
  return [];
}

/** R5: while service is held no clock runs; release resumes each where it stood. */
export async function pauseForHold(state: TicketState, at: string): Promise<void> {
  const { sla } = state;
  for (const clock of [sla.response, sla.resolution, sla.tier]) {
    if (clock?.status === 'running') await haltClock(clock, sla.policy.calendar, at, 'paused');
  }
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

import type { BusinessCalendar } from './calendar/types';
import { haltClock, runClock, type ClockArithmetic, type SlaClock } from './sla-clock';
import type { TicketEventType } from './ticket-events';

// One table of what each thing that happens to a ticket does to its clocks, so the workflow and the what-if
// report cannot drift apart: the workflow follows it after an action, the report as it replays the timeline.

export type ClockName = 'response' | 'resolution' | 'tier' | 'onsite';
export type TicketClocks = Record<ClockName, SlaClock | null>;
export type ClockPolicy = { calendar: BusinessCalendar; atRiskShare: number };

/** `halt` acts on a running clock only, `resume` on one halted that way only; any other is left as it is. */
export type ClockEffect =
  { clock: ClockName; halt: 'paused' | 'stopped' } | { clock: ClockName; resume: 'paused' | 'stopped' };

/** What the clocks wait on besides themselves, once the event is recorded. */
export interface ClockWaits {
  /** A question waits for the client's answer (R11). */
  client: boolean;
  /** Service is held (R5). */
  held: boolean;
  /** A work plan waits for the client's approval (R8). */
  plan: boolean;
  /** The contract has the clocks wait on a plan with the client (R8). */
  planPausesClocks: boolean;
}

const halt = (as: 'paused' | 'stopped', ...clocks: ClockName[]): ClockEffect[] =>
  clocks.map((clock) => ({ clock, halt: as }));
const resume = (from: 'paused' | 'stopped', ...clocks: ClockName[]): ClockEffect[] =>
  clocks.map((clock) => ({ clock, resume: from }));

/** A plan with the client holds the desk's clocks, when the contract says so (R8). */
export const planHolds = (waits: ClockWaits) => waits.plan && waits.planPausesClocks;

/**
 * Resolution and the tier's frame measure the desk's work; they resume only once nothing else holds them. A
 * hold is one: the requester may write while held (to justify the request, R5), and only the release resumes.
 */
const resumeWork = (waits: ClockWaits) =>
  waits.client || waits.held || planHolds(waits) ? [] : resume('paused', 'resolution', 'tier');

const rules = {
  'analysis-started': () => halt('stopped', 'response'),
  // Asking the client is a first contact; the other clocks wait for the answer.
  'info-requested': () => [...halt('stopped', 'response'), ...halt('paused', 'resolution', 'tier')],
  'info-provided': resumeWork,
  // Only a reply that ended the wait resumes, never one while held; any other leaves the clocks as they are.
  'reply-received': resumeWork,
  // The client's time to decide is not the desk's, when the contract says so (R8).
  'plan-proposed': (waits) => (waits.planPausesClocks ? halt('paused', 'resolution', 'tier') : []),
  'plan-approved': (waits) => planAnswered(waits),
  'plan-declined': (waits) => planAnswered(waits),
  // R5: while service is held no clock runs; release resumes each where it stood.
  held: () => halt('paused', 'response', 'resolution', 'tier'),
  // No question can wait while held (one is refused while the other lasts), so only a plan still holds them.
  released: (waits) => [
    ...resume('paused', 'response'),
    ...(planHolds(waits) ? [] : resume('paused', 'resolution', 'tier')),
  ],
  'solution-proposed': () => halt('stopped', 'response', 'resolution', 'tier'),
  rejected: () => resume('stopped', 'resolution', 'tier'),
  'engineer-on-site': () => halt('stopped', 'onsite'),
} satisfies { [E in TicketEventType]?: (waits: ClockWaits) => ClockEffect[] };

function planAnswered(waits: ClockWaits): ClockEffect[] {
  return waits.planPausesClocks && !waits.client && !waits.held ? resume('paused', 'resolution', 'tier') : [];
}

/** The events that move a clock by themselves; the ladder and a priority change re-time clocks otherwise. */
export type ClockEvent = keyof typeof rules;

export function isClockEvent(type: string): type is ClockEvent {
  return Object.prototype.hasOwnProperty.call(rules, type);
}

export function clockEffects(event: ClockEvent, waits: ClockWaits): ClockEffect[] {
  return rules[event](waits);
}

/**
 * Applies the effects in order, one clock after another: in a workflow each halt or resume of a running clock
 * is a local activity, so the order is part of the ticket's history. A tier's frame has no at-risk warning.
 */
export async function applyClockEffects(
  arithmetic: ClockArithmetic,
  effects: ClockEffect[],
  clocks: TicketClocks,
  policy: ClockPolicy,
  at: string,
): Promise<void> {
  for (const effect of effects) {
    const clock = clocks[effect.clock];
    if ('halt' in effect) {
      if (clock?.status === 'running') await haltClock(arithmetic, clock, policy.calendar, at, effect.halt);
    } else if (clock?.status === effect.resume) {
      const share = effect.clock === 'tier' ? 1 : policy.atRiskShare;
      await runClock(arithmetic, clock, policy.calendar, share, at);
    }
  }
}

import { patched } from '@temporalio/workflow';
import type { ClockWaits } from '../domain/clock-effects';
import { planTerms } from './plan-terms';
import type { TicketState } from './ticket-state';

/**
 * Until this patch a reply while held restarted the resolution clock and the tier frame, so a held ticket
 * could climb the ladder (R5). A ticket that replied so before it has no marker and replays that way.
 */
export const heldReplyPatch = 'held-reply-keeps-clocks-paused';

/** What the clocks wait on, read from the ticket once the action's event is recorded. */
export function clockWaits(state: TicketState): ClockWaits {
  return {
    client: Boolean(state.sla.waitingOnClient),
    held: Boolean(state.held),
    plan: state.plan?.status === 'awaiting-approval',
    planPausesClocks: planTerms(state.sla.policy).pausesClocks,
  };
}

/**
 * The patch is asked only where its answer matters, a reply while held, so tickets that never replied while
 * held record no marker. Without it the hold is left out, which is the rule as it stood before.
 */
export function replyClockWaits(state: TicketState): ClockWaits {
  const waits = clockWaits(state);
  return waits.held && !patched(heldReplyPatch) ? { ...waits, held: false } : waits;
}

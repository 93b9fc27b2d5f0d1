import type { ContractStanding } from '../activities/contract-standing';
import type { ActionName } from './messages';
import { working, type StageRule } from './stage-rules';
import type { EventDraft, TicketState } from './ticket-state';

export type HoldReason = 'contract-expired' | 'not-justified';

/**
 * While held nobody works the ticket; the requester's and the desk's messages still come and go. Planning and
 * following up a work plan is work too; the client's answer to a plan already put to them is a message.
 */
export const blockedWhileHeld: readonly ActionName[] = [
  'start-analysis',
  'propose-solution',
  'start-testing',
  'request-info',
  'escalate',
  'arrive-onsite',
  'draft-plan',
  'start-activity',
  'complete-activity',
];

/**
 * R5 at intake: a request from an organization whose contract has lapsed is held from the start, and the
 * requester and the account manager are told why. Its clocks opened paused (activities/opening-terms.ts).
 */
export function holdIfContractLapsed(
  state: TicketState,
  contract: ContractStanding,
  at: string,
): EventDraft[] {
  const { standing, accountManager } = contract;
  // Kept for a hold by hand later (R5 tells the account manager too).
  state.accountManager = accountManager;
  if (standing !== 'lapsed') return [];
  const detail = `the support contract of ${state.intake.organization} is not valid on ${at.slice(0, 10)}`;
  return [placeOnHold(state, { reason: 'contract-expired', detail, by: 'system', accountManager }, at)];
}

export function placeOnHold(
  state: TicketState,
  hold: { reason: HoldReason; detail: string; by: string; accountManager: string | null },
  at: string,
): EventDraft {
  state.held = {
    reason: hold.reason,
    detail: hold.detail,
    since: at,
    by: hold.by,
    accountManager: hold.accountManager,
  };
  return {
    type: 'held',
    actor: hold.by,
    data: { reason: hold.reason, detail: hold.detail },
    notify: 'ticket-held',
    notifyTo: [state.intake.requester.email, ...(hold.accountManager ? [hold.accountManager] : [])],
  };
}

export function heldReason(state: TicketState): string | undefined {
  return state.held ? `the ticket is held (${state.held.reason}): ${state.held.detail}` : undefined;
}

export type HeldActions = 'hold' | 'release';

/** R5 by hand: the desk holds a request it finds not justified, and releases it once it is. */
export const heldRules: { [A in HeldActions]: StageRule<A> } = {
  hold: {
    from: working,
    blockedBecause: (state) =>
      (state.held ? 'the ticket is already held' : undefined) ??
      (state.sla.waitingOnClient ? 'a question to the client is waiting for its answer' : undefined),
    required: ['reason', 'detail'],
    apply: (state, { actor, reason, detail }, at) =>
      placeOnHold(state, { reason, detail, by: actor, accountManager: state.accountManager ?? null }, at),
  },
  release: {
    from: working,
    blockedBecause: (state) => (state.held ? undefined : 'the ticket is not held'),
    required: [],
    apply: (state, { actor, note }) => {
      const reason = state.held?.reason;
      state.held = null;
      return { type: 'released', actor, data: { reason, note } };
    },
  },
};

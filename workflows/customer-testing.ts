import { enterStage, type EventDraft, type TicketState } from './ticket-state';

/** The client owes an answer: the solution is in testing and neither accepted nor rejected yet. */
export function awaitingCustomerVerdict(state: TicketState): boolean {
  return state.stage === 'CUSTOMER_TESTING' && state.verification === null;
}

/**
 * R9: a client who does not answer within the period has accepted, and the ticket closes.
 * R10 still holds: the verification (by silence) and the resolution (the solution given) are both recorded.
 */
export function acceptBySilence(state: TicketState, at: string): EventDraft[] {
  const silence = `${state.sla.policy.customerTestingSilenceMinutes} business minutes`;
  state.verification = { by: 'system', at, method: 'silence', comment: `no answer within ${silence}` };
  state.resolution = { text: state.solution?.text ?? '', by: 'system', at };
  const accepted: EventDraft = {
    type: 'accepted',
    stage: 'CUSTOMER_TESTING',
    actor: 'system',
    data: { method: 'silence', silence },
  };
  enterStage(state, 'CLOSED', at);
  const closed: EventDraft = {
    type: 'closed',
    actor: 'system',
    data: { resolution: state.resolution.text, verification: state.verification },
    notify: 'resolved',
  };
  return [accepted, closed];
}

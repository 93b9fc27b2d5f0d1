import { enterStage, type EventDraft, type TicketState } from './ticket-state';

/** The client owes an answer: the solution is in testing and neither accepted nor rejected yet. */
export function awaitingCustomerVerdict(state: TicketState): boolean {
  return state.stage === 'CUSTOMER_TESTING' && state.verification === null;
}

/** When silence counts as acceptance (R9); measured from entering testing, so it survives continue-as-new. */
export function customerTestingDeadline(state: TicketState): number {
  if (state.sla) return Date.parse(state.sla.testingDeadline!);
  return Date.parse(state.stageEnteredAt.CUSTOMER_TESTING!) + state.policy!.customerTestingSilenceMs;
}

/**
 * R9: a client who does not answer within the period has accepted, and the ticket closes.
 * R10 still holds: the verification (by silence) and the resolution (the solution given) are both recorded.
 */
export function acceptBySilence(state: TicketState, at: string): EventDraft[] {
  const silence = state.sla
    ? `${state.sla.policy.customerTestingSilenceMinutes} business minutes`
    : describeDuration(state.policy!.customerTestingSilenceMs);
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

function describeDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  const [size, name] = units.find(([size]) => ms >= size && ms % size === 0) ?? [1, 'millisecond'];
  const count = ms / size;
  return `${count} ${name}${count === 1 ? '' : 's'}`;
}

import { condition, patched, proxyActivities } from '@temporalio/workflow';
import type { TicketActivities } from '../activities';
import type { EventDraft, TicketState } from './ticket-state';

const { deliverLetters } = proxyActivities<TicketActivities>({
  startToCloseTimeout: '1 minute',
  // A mail outage delays letters; the outbox keeps them, so retry for as long as it lasts.
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

export interface LetterCourier {
  /** Call after a change whose letters the projection put in the outbox. */
  lettersQueued(drafts: EventDraft[]): void;
  /** Delivers what is still queued, then stops. */
  finish(): Promise<void>;
}

/**
 * Sends the ticket's letters beside its work, so a slow mail server never holds up an agent's command.
 * Tickets started before letters were sent (no `letter-delivery` marker) keep their letters in the outbox.
 */
export function startLetterCourier(state: TicketState): LetterCourier {
  if (!state.letters && !patched('letter-delivery')) {
    return { lettersQueued: () => undefined, finish: async () => undefined };
  }
  const letters = (state.letters ??= { queued: 0, delivered: 0, surveyed: false });
  let finishing = false;
  const running = (async () => {
    for (;;) {
      await condition(() => letters.delivered < letters.queued || finishing);
      if (letters.delivered >= letters.queued) return;
      const target = letters.queued;
      await deliverLetters({ ticketNumber: state.number });
      letters.delivered = target;
    }
  })();
  return {
    lettersQueued(drafts) {
      if (drafts.some((draft) => draft.notify)) letters.queued += 1;
    },
    finish() {
      finishing = true;
      return running;
    },
  };
}

/** R13: the survey goes out once, with the change that closes the ticket. */
export function surveyOnClosing(state: TicketState): EventDraft[] {
  if (state.stage !== 'CLOSED' || !state.letters || state.letters.surveyed) return [];
  state.letters.surveyed = true;
  return [{ type: 'csat-requested', actor: 'system', notify: 'csat-survey' }];
}

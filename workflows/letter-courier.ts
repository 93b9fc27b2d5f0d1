import { condition } from '@temporalio/workflow';
import { letters as mail } from './activity-proxies';
import type { EventDraft, TicketState } from './ticket-state';

export interface LetterCourier {
  /** Call after a change whose letters the projection put in the outbox and could not send. */
  lettersQueued(drafts: EventDraft[]): void;
  /** Delivers what is still queued, then stops. */
  finish(): Promise<void>;
}

/**
 * Sends, beside the ticket's work, the letters a change could not hand to the relay itself (the projection
 * tries for `MAIL_HANDOFF_WAIT`): a relay that is down or slow delays letters, never an agent's command for longer.
 */
export function startLetterCourier(state: TicketState): LetterCourier {
  const { letters } = state;
  let finishing = false;
  const running = (async () => {
    for (;;) {
      await condition(() => letters.delivered < letters.queued || finishing);
      if (letters.delivered >= letters.queued) return;
      const target = letters.queued;
      await mail.deliverLetters({ ticketNumber: state.number });
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
  if (state.stage !== 'CLOSED' || state.letters.surveyed) return [];
  state.letters.surveyed = true;
  return [{ type: 'csat-requested', actor: 'system', notify: 'csat-survey' }];
}

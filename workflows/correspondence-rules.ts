import type { ActionCommands } from './messages';
import { working, type StageRule } from './stage-rules';
import type { EventDraft, TicketState } from './ticket-state';

export type CorrespondenceActions = 'reply' | 'complete-details';

/** The conversation with the requester (R7, R11) and the R2 details an e-mail request could not carry. */
export const correspondenceRules: { [A in CorrespondenceActions]: StageRule<A> } = {
  reply: {
    from: working,
    required: ['message'],
    apply: (state, { actor, message, channel, subject, mailMessageId }) => {
      const data = { message, channel: channel ?? 'portal', subject, mailMessageId };
      const drafts: EventDraft[] = [{ type: 'reply-received', actor, data }];
      const waiting = state.sla.waitingOnClient;
      if (waiting && isRequester(state, actor)) {
        state.sla.waitingOnClient = null;
        drafts.push({ type: 'info-provided', actor, data: { question: waiting.question, answer: message } });
      }
      return drafts;
    },
  },
  'complete-details': {
    from: working,
    blockedBecause: (state, command) =>
      !state.intake.missing
        ? 'the request lacks none of its R2 details'
        : command && !command.site && !command.siteContact && !command.requesterPhone
          ? 'nothing to complete: give site, siteContact or requesterPhone'
          : undefined,
    required: [],
    apply: (state, { actor, ...given }) => {
      completeIntake(state, given);
      return { type: 'details-completed', actor, data: { ...given, missing: state.intake.missing ?? [] } };
    },
  },
};

/** What the agent learnt (by phone, or from the requester's reply) fills the intake; the rest stays missing. */
function completeIntake(state: TicketState, given: Omit<ActionCommands['complete-details'], 'actor'>): void {
  const { site, siteContact, requesterPhone } = given;
  const intake = {
    ...state.intake,
    ...(site ? { site } : {}),
    ...(siteContact ? { siteContact } : {}),
    requester: { ...state.intake.requester, ...(requesterPhone ? { phone: requesterPhone } : {}) },
  };
  const missing = [
    ...(intake.requester.phone ? [] : ['requester.phone']),
    ...(intake.site ? [] : ['site']),
    ...(intake.siteContact ? [] : ['siteContact']),
  ];
  state.intake = { ...intake, missing: missing.length > 0 ? missing : undefined };
}

function isRequester(state: TicketState, actor: string): boolean {
  return actor.toLowerCase() === state.intake.requester.email.toLowerCase();
}

import type { Role } from '../../lib/directory';
import type { ActionName } from '../../workflows/messages';

const desk: Role[] = ['agent', 'manager'];

/**
 * Who may take each action on a ticket (R24). Requesters take only the customer's part; agents work
 * tickets and may record what a client said by phone (an answer, a rejection; a confirmation goes with
 * `close`'s verification); managers also work tickets and alone decide at the decision point (R20).
 * Admins configure the desk and take no action on tickets.
 */
export const actionRoles: Record<ActionName, readonly Role[]> = {
  assign: desk,
  'start-analysis': desk,
  'propose-solution': desk,
  'start-testing': desk,
  accept: ['requester'],
  reject: ['requester', ...desk],
  close: desk,
  'request-info': desk,
  'provide-info': ['requester', ...desk],
  'change-priority': desk,
  escalate: desk,
  'arrive-onsite': desk,
  decide: ['manager'],
  reply: ['requester', ...desk],
  hold: desk,
  release: desk,
  'complete-details': desk,
  'draft-plan': desk,
  // The client answers; an agent may record an answer the client gave by phone, as with a rejection.
  'approve-plan': ['requester', ...desk],
  'decline-plan': ['requester', ...desk],
  'start-activity': desk,
  'complete-activity': desk,
};

export function mayTakeAction(role: Role, action: ActionName): boolean {
  return actionRoles[action].includes(role);
}

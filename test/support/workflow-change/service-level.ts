import { patched } from '@temporalio/workflow';
import { deadline } from '../../../workflows/business-deadline';
import { afterAction as afterActionToday } from '../../../workflows/service-level';
import type { EventDraft, TicketState } from '../../../workflows/ticket-state';

export * from '../../../workflows/service-level';

export const solutionNewsPatch = 'status-update-on-solution';

/**
 * workflows/service-level.ts as a developer would change it, swapped in by test/support/workflow-change.ts:
 * a proposed solution is news the requester now hears at once, as a status update (R17), instead of at the
 * next interval, with the business day by which testing would end. That day is the calendar's local
 * activity, one more command than the ticket recorded, so the change replays differently and ships behind
 * patched().
 */
export const afterAction: typeof afterActionToday = async (state, name, command, at) => {
  const drafts = await afterActionToday(state, name, command, at);
  if (name === 'propose-solution' && patched(solutionNewsPatch)) drafts.push(await solutionNews(state, at));
  return drafts;
};

export async function solutionNews(state: TicketState, at: string): Promise<EventDraft> {
  state.sla.statusUpdatesSent += 1;
  const data = {
    stage: state.stage,
    tier: state.tier,
    assignee: state.assignee,
    resolutionDue: state.sla.resolution.dueAt,
    testingEndsBy: await deadline(state.sla, at, state.sla.policy.customerTestingSilenceMinutes),
    at,
  };
  return { type: 'status-update-sent', actor: 'system', data, notify: 'status-update' };
}

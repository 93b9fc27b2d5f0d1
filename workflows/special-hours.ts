import { ApplicationFailure } from '@temporalio/workflow';
import { calendar } from './activity-proxies';
import { allowedActions } from './transitions';
import { failureTypes, type ActionCommands, type ActionName } from './messages';
import { planTerms } from './plan-terms';
import type { TicketState } from './ticket-state';

/**
 * R16 before a plan is recorded: an activity outside the contract calendar's hours is special-hours work,
 * agreed with the client through the plan's approval and asked for at least the contract's notice in business
 * days before it starts. Shorter notice is refused, naming the earliest allowed start; nothing is recorded.
 */
export async function prepareCommand<A extends ActionName>(
  state: TicketState,
  name: A,
  command: ActionCommands[A],
  at: string,
): Promise<ActionCommands[A]> {
  if (name !== 'draft-plan') return command;
  const plan = command as ActionCommands['draft-plan'];
  const activities = plan.activities.map((a) => ({
    ...a,
    start: new Date(a.start).toISOString(),
    end: new Date(a.end).toISOString(),
  }));
  const { noticeDays } = planTerms(state.sla.policy);
  const { outsideHours, earliestStart } = await calendar.specialHoursCheck({
    calendar: state.sla.policy.calendar,
    requestedAt: at,
    noticeDays,
    windows: activities,
  });
  const tooSoon = activities.filter((a, i) => outsideHours[i] && a.start < earliestStart);
  if (tooSoon.length > 0) {
    const titles = tooSoon.map((a) => `"${a.title}" (${a.start})`).join(', ');
    throw ApplicationFailure.create({
      type: failureTypes.transitionNotAllowed,
      message:
        `draft-plan: ${titles} falls outside the hours of ${state.sla.policy.calendar.name} and is special-hours ` +
        `work, which needs ${noticeDays} business days' notice: the earliest allowed start is ${earliestStart}`,
      details: [{ stage: state.stage, allowed: allowedActions(state), earliestStart }],
      nonRetryable: true,
    });
  }
  const marked = activities.map((a, i) => ({ ...a, specialHours: outsideHours[i] ?? false }));
  return { ...plan, activities: marked } as unknown as ActionCommands[A];
}

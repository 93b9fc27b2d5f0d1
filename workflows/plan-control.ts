import type { EventDraft, TicketState } from './ticket-state';

// R8's follow-up and control: one durable timer at the soonest planned end not yet reminded of, no scan.

/** The soonest planned end an approved plan's open activity has not yet been reminded of. */
export function nextOverdueAt(state: TicketState): string | undefined {
  if (state.plan?.status !== 'approved') return undefined;
  const open = state.plan.activities.filter((a) => a.status !== 'completed' && !a.overdue);
  return open.map((a) => a.end).sort()[0];
}

/** An activity past its planned end without completion reminds its owner, and shows as overdue. */
export function remindOverdue(state: TicketState, at: string): EventDraft[] {
  const due = (state.plan?.activities ?? []).filter(
    (a) => a.status !== 'completed' && !a.overdue && Date.parse(a.end) <= Date.parse(at),
  );
  return due.map((activity) => {
    activity.overdue = true;
    return {
      type: 'plan-activity-overdue',
      actor: 'system',
      data: { activity: activity.id, title: activity.title, owner: activity.owner, plannedEnd: activity.end },
      notify: 'activity-overdue',
      notifyTo: [activity.owner],
    };
  });
}

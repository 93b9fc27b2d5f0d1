import type { PlannedActivity, WorkPlan } from '../domain/work-plan';
import { planTermDefaults } from '../domain/work-plan';
import type { SlaPolicy } from '../domain/sla';
import type { ActionCommands } from './messages';
import type { StageRule } from './stage-rules';
import type { EventDraft, TicketState } from './ticket-state';

export type PlanActions =
  'draft-plan' | 'approve-plan' | 'decline-plan' | 'start-activity' | 'complete-activity';

/** The plan's terms on the ticket's contract: its policy's, else the procedure's defaults. */
export function planTerms(policy: SlaPolicy) {
  return {
    noticeDays: policy.specialHoursNoticeDays ?? planTermDefaults.specialHoursNoticeDays,
    pausesClocks: policy.planApprovalPausesClocks ?? planTermDefaults.planApprovalPausesClocks,
  };
}

/** The plan waits on the client, and the contract has the clocks wait with it. */
export function clocksWaitOnPlan(state: TicketState): boolean {
  return state.plan?.status === 'awaiting-approval' && planTerms(state.sla.policy).pausesClocks;
}

const awaiting = (state: TicketState) =>
  state.plan?.status === 'awaiting-approval' ? undefined : "no work plan awaits the client's answer";

function activityOf(plan: WorkPlan | null | undefined, id: number | undefined): PlannedActivity | undefined {
  return plan?.activities.find((a) => a.id === id);
}

/** Why an activity of the plan cannot move to `to` now, if so. */
function activityBlocked(state: TicketState, id: number | undefined, to: 'started' | 'completed') {
  const { plan } = state;
  if (!plan) return 'the ticket has no work plan';
  if (plan.status !== 'approved') return `no planned activity may start before the client approves the plan`;
  const activity = activityOf(plan, id);
  if (!activity) return `the plan has no activity ${id}`;
  if (to === 'started' && activity.status !== 'planned')
    return `activity ${id} is already ${activity.status}`;
  if (to === 'completed' && activity.status !== 'started')
    return activity.status === 'planned' ? `activity ${id} has not started` : `activity ${id} is completed`;
  return undefined;
}

/** R8's work plan: drafted in analysis, approved or declined by the client, each activity followed up. */
export const planRules: { [A in PlanActions]: StageRule<A> } = {
  'draft-plan': {
    from: ['ANALYSIS'],
    blockedBecause: (state) =>
      state.plan?.status === 'awaiting-approval'
        ? "the plan awaits the client's answer"
        : state.plan?.status === 'approved'
          ? 'the plan is approved and under way'
          : undefined,
    required: ['objective', 'activities'],
    apply: (state, command, at) => {
      const { actor, objective } = command;
      const previous = state.plan;
      const activities = command.activities.map((a, i): PlannedActivity => ({
        id: i + 1,
        title: a.title,
        owner: a.owner,
        start: a.start,
        end: a.end,
        onSite: a.onSite ?? false,
        specialHours: a.specialHours ?? false,
        status: 'planned',
        started: null,
        completed: null,
        overdue: false,
      }));
      const declined = previous?.answer && !previous.answer.approved ? previous.answer : null;
      state.plan = {
        revision: (previous?.revision ?? 0) + 1,
        objective,
        status: 'awaiting-approval',
        drafted: { by: actor, at },
        answer: null,
        previousDecline: declined
          ? { by: declined.by, at: declined.at, reason: declined.reason ?? '' }
          : null,
        activities,
      };
      const { noticeDays, pausesClocks } = planTerms(state.sla.policy);
      const data = {
        revision: state.plan.revision,
        objective,
        activities,
        noticeDays,
        clocksPaused: pausesClocks,
      };
      return { type: 'plan-proposed', actor, data, notify: 'plan-proposed' };
    },
  },
  'approve-plan': {
    from: ['ANALYSIS'],
    blockedBecause: awaiting,
    required: [],
    apply: (state, { actor, channel, note }, at) => answer(state, actor, at, true, channel ?? 'api', note),
  },
  'decline-plan': {
    from: ['ANALYSIS'],
    blockedBecause: awaiting,
    required: ['reason'],
    apply: (state, { actor, channel, reason }, at) =>
      answer(state, actor, at, false, channel ?? 'api', reason),
  },
  'start-activity': {
    from: ['ANALYSIS', 'SOLUTION'],
    blockedBecause: (state, command) => activityBlocked(state, command?.activity, 'started'),
    required: ['activity', 'note'],
    apply: (state, { actor, activity, note }, at) =>
      follow(state, activity, 'started', { by: actor, at, note }),
  },
  'complete-activity': {
    from: ['ANALYSIS', 'SOLUTION'],
    blockedBecause: (state, command) => activityBlocked(state, command?.activity, 'completed'),
    required: ['activity', 'note'],
    apply: (state, { actor, activity, note }, at) =>
      follow(state, activity, 'completed', { by: actor, at, note }),
  },
};

function answer(
  state: TicketState,
  actor: string,
  at: string,
  approved: boolean,
  via: NonNullable<ActionCommands['approve-plan']['channel']>,
  text: string | undefined,
): EventDraft {
  const plan = state.plan as WorkPlan;
  plan.status = approved ? 'approved' : 'declined';
  plan.answer = { approved, by: actor, at, via, ...(text ? { reason: text } : {}) };
  const data = { revision: plan.revision, via, ...(approved ? { note: text } : { reason: text }) };
  return { type: approved ? 'plan-approved' : 'plan-declined', actor, data };
}

function follow(
  state: TicketState,
  id: number,
  to: 'started' | 'completed',
  signed: { by: string; at: string; note: string },
): EventDraft {
  const activity = activityOf(state.plan, id) as PlannedActivity;
  activity.status = to;
  activity[to] = signed;
  const data = {
    activity: id,
    title: activity.title,
    note: signed.note,
    specialHours: activity.specialHours,
  };
  return {
    type: to === 'started' ? 'plan-activity-started' : 'plan-activity-completed',
    actor: signed.by,
    data,
  };
}

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

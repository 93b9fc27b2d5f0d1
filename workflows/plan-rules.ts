import type { PlannedActivity, WorkPlan } from '../domain/work-plan';
import type { ActionCommands } from './messages';
import { planTerms } from './plan-terms';
import type { StageRule } from './stage-rules';
import type { EventDraft, TicketState } from './ticket-state';

export type PlanActions =
  'draft-plan' | 'approve-plan' | 'decline-plan' | 'start-activity' | 'complete-activity';

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
  // allowedActions asks without a command: the step is on offer while some activity can take it.
  if (id === undefined) return readyFor(plan, to);
  const activity = activityOf(plan, id);
  if (!activity) return `the plan has no activity ${id}`;
  if (to === 'started' && activity.status !== 'planned')
    return `activity ${id} is already ${activity.status}`;
  if (to === 'completed' && activity.status !== 'started')
    return activity.status === 'planned' ? `activity ${id} has not started` : `activity ${id} is completed`;
  return undefined;
}

function readyFor(plan: WorkPlan, to: 'started' | 'completed'): string | undefined {
  const from = to === 'started' ? 'planned' : 'started';
  return plan.activities.some((a) => a.status === from) ? undefined : `no activity of the plan is ${from}`;
}

/** R8's work plan: drafted in analysis, approved or declined by the client, each activity followed up. */
export const planRules: { [A in PlanActions]: StageRule<A> } = {
  'draft-plan': {
    from: ['ANALYSIS'],
    blockedBecause: (state, command) =>
      state.plan?.status === 'awaiting-approval'
        ? "the plan awaits the client's answer"
        : state.plan?.status === 'approved'
          ? 'the plan is approved and under way'
          : command && unscheduled(command.activities),
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

/** A schedule the workflow cannot keep: the API's schema refuses it first, but the workflow never trusts a door. */
function unscheduled(activities: ActionCommands['draft-plan']['activities'] | undefined): string | undefined {
  if (!Array.isArray(activities) || activities.length === 0) return 'a plan needs at least one activity';
  const bad = activities.findIndex((a) => !(Date.parse(a?.start) < Date.parse(a?.end)));
  return bad < 0 ? undefined : `activity ${bad + 1} needs a start and a later end`;
}

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

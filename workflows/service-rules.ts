import { tiers, type Tier } from '../domain/ticket';
import type { ActionName } from './messages';
import { working, type StageActions, type StageRule } from './stage-rules';
import { enterStage, type EventDraft, type TicketState } from './ticket-state';

type ServiceActions = Exclude<ActionName, StageActions>;

const needsServiceLevel = (state: TicketState) =>
  state.sla ? undefined : 'this ticket was opened before service levels and has no SLA clocks';

/** The next rung of the ladder Tier 1 → Tier 2 → Tier 3 → Onsite → IT manager (R19). */
export function nextTier(tier: Tier): Tier | undefined {
  return tiers[tiers.indexOf(tier) + 1];
}

/** Moves the ticket one rung up and re-queues it there; the clocks follow in service-level.ts. */
export function climbLadder(
  state: TicketState,
  actor: string,
  reason: string,
  automatic: boolean,
): EventDraft[] {
  const from = state.tier;
  const to = nextTier(from)!;
  state.tier = to;
  state.assignee = null;
  if (state.sla) state.sla.escalations += 1;
  const data = { from, to, reason, automatic };
  const lead =
    to === 'MANAGER' ? state.sla?.policy.contacts.manager : state.sla?.policy.contacts.tierLeads[to];
  return [
    { type: 'escalated', actor, data, notify: 'escalated' },
    ...(lead
      ? [{ type: 'queued-at-tier', actor, data, notify: 'escalation-queued' as const, notifyTo: [lead] }]
      : []),
  ];
}

/** Rules of the service level (R11, R15, R19–R21); the stage procedure is in stage-rules.ts. */
export const serviceRules: { [A in ServiceActions]: StageRule<A> } = {
  'request-info': {
    from: ['OPEN', 'ANALYSIS', 'SOLUTION'],
    blockedBecause: (state) =>
      needsServiceLevel(state) ?? (state.sla?.waitingOnClient ? 'already waiting on the client' : undefined),
    required: ['question'],
    apply: (state, { actor, question }, at) => {
      state.sla!.waitingOnClient = { since: at, question, by: actor };
      return { type: 'info-requested', actor, data: { question }, notify: 'info-requested' };
    },
  },
  'provide-info': {
    from: working,
    blockedBecause: (state) =>
      needsServiceLevel(state) ??
      (state.sla?.waitingOnClient ? undefined : 'no question is waiting for an answer'),
    required: ['answer'],
    apply: (state, { actor, answer }) => {
      const question = state.sla!.waitingOnClient!.question;
      state.sla!.waitingOnClient = null;
      return { type: 'info-provided', actor, data: { question, answer } };
    },
  },
  'change-priority': {
    from: working,
    blockedBecause: (state, command) =>
      command && command.priority === state.priority
        ? `the priority is already ${state.priority}`
        : undefined,
    required: ['priority', 'reason'],
    apply: (state, { actor, priority, reason }) => {
      const from = state.priority;
      state.priority = priority;
      return {
        type: 'priority-changed',
        actor,
        data: { from, to: priority, reason },
        notify: 'priority-changed',
      };
    },
  },
  escalate: {
    from: ['OPEN', 'ANALYSIS'],
    blockedBecause: (state) =>
      state.tier === 'MANAGER'
        ? 'the ticket is at the manager decision point: the manager decides'
        : undefined,
    required: ['reason'],
    apply: (state, { actor, reason }) => climbLadder(state, actor, reason, false),
  },
  'arrive-onsite': {
    from: working,
    blockedBecause: (state) =>
      needsServiceLevel(state) ??
      (state.sla?.onsite?.status === 'running' ? undefined : 'no engineer is on the way to the site'),
    required: [],
    apply: (state, { actor, note }) => ({
      type: 'engineer-on-site',
      actor,
      data: { note, engineer: state.sla!.dispatch?.engineer },
    }),
  },
  decide: {
    from: working,
    blockedBecause: (state) =>
      needsServiceLevel(state) ??
      (state.sla?.manager ? undefined : 'no decision is pending: the ticket is not with the manager'),
    required: ['decision'],
    apply: (state, command, at) => {
      const { actor, ...decision } = command;
      state.sla!.manager = null;
      if (decision.decision === 'continue') {
        state.tier = decision.tier;
        state.assignee = null;
      }
      if (decision.decision === 'close-unresolved') {
        state.resolution = { text: decision.reason, by: actor, at };
        enterStage(state, 'CLOSED', at);
        return { type: 'closed-unresolved', actor, data: decision, notify: 'closed-unresolved' };
      }
      return { type: 'manager-decided', actor, data: decision, notify: 'manager-decided' };
    },
  },
};

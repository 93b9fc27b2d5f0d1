import { climbLadder } from './escalation-ladder';
import type { ActionName } from './messages';
import type { CorrespondenceActions } from './correspondence-rules';
import type { HeldActions } from './held-service';
import type { PlanActions } from './plan-rules';
import { working, type StageActions, type StageRule } from './stage-rules';
import { enterStage } from './ticket-state';

type ServiceActions = Exclude<ActionName, StageActions | HeldActions | CorrespondenceActions | PlanActions>;

const decisionFields: Record<string, readonly string[]> = {
  continue: ['tier', 'frameMinutes'],
  'engage-vendor': ['vendorCaseRef'],
  'close-unresolved': ['reason'],
};

/** Rules of the service level (R11, R15, R19–R21); the stage procedure is in stage-rules.ts. */
export const serviceRules: { [A in ServiceActions]: StageRule<A> } = {
  'request-info': {
    from: working,
    blockedBecause: (state) => (state.sla.waitingOnClient ? 'already waiting on the client' : undefined),
    required: ['question'],
    apply: (state, { actor, question }, at) => {
      state.sla.waitingOnClient = { since: at, question, by: actor };
      return { type: 'info-requested', actor, data: { question }, notify: 'info-requested' };
    },
  },
  'provide-info': {
    from: working,
    blockedBecause: (state) =>
      state.sla.waitingOnClient ? undefined : 'no question is waiting for an answer',
    required: ['answer'],
    apply: (state, { actor, answer }) => {
      const question = state.sla.waitingOnClient?.question;
      state.sla.waitingOnClient = null;
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
      state.sla.onsite?.status === 'running' ? undefined : 'no engineer is on the way to the site',
    required: [],
    apply: (state, { actor, note }) => ({
      type: 'engineer-on-site',
      actor,
      data: { note, engineer: state.sla.dispatch?.engineer },
    }),
  },
  decide: {
    from: working,
    blockedBecause: (state, command) =>
      (state.sla.manager ? undefined : 'no decision is pending: the ticket is not with the manager') ??
      (command && !(command.decision in decisionFields)
        ? `no such decision: ${command.decision}`
        : undefined),
    required: ['decision'],
    alsoRequired: (command) => decisionFields[command?.decision] ?? [],
    apply: (state, command, at) => {
      const { actor, ...decision } = command;
      state.sla.manager = null;
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

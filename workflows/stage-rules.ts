import type { Stage } from '../domain/ticket';
import type { ActionCommands, ActionName } from './messages';
import { enterStage, type EventDraft, type TicketState } from './ticket-state';

export interface StageRule<A extends ActionName> {
  /** Stages the action may be taken in. */
  from: readonly Stage[];
  /** Why the action cannot be taken now although the stage allows it, if so. */
  blockedBecause?: (state: TicketState, command?: ActionCommands[A]) => string | undefined;
  /** Fields the command must carry, non-blank. */
  required: readonly (keyof ActionCommands[A] & string)[];
  /** Further fields a command needs, when they depend on what it says. */
  alsoRequired?: (command: ActionCommands[A]) => readonly string[];
  apply: (state: TicketState, command: ActionCommands[A], at: string) => EventDraft | EventDraft[];
}

export type StageActions =
  'assign' | 'start-analysis' | 'propose-solution' | 'start-testing' | 'accept' | 'reject' | 'close';

export const working: readonly Stage[] = ['OPEN', 'ANALYSIS', 'SOLUTION', 'CUSTOMER_TESTING'];

/** The OPEN → ANALYSIS → SOLUTION → CUSTOMER TESTING → CLOSED procedure (R8–R10) as data. */
export const stageRules: { [A in StageActions]: StageRule<A> } = {
  assign: {
    from: working,
    required: ['engineer'],
    apply: (state, { actor, engineer }) => {
      const previous = state.assignee;
      state.assignee = engineer;
      return { type: 'assigned', actor, data: { engineer, previous } };
    },
  },
  'start-analysis': {
    from: ['OPEN'],
    blockedBecause: (state) => (state.assignee ? undefined : 'assign an engineer first'),
    required: [],
    apply: (state, { actor, note }, at) => {
      enterStage(state, 'ANALYSIS', at);
      return { type: 'analysis-started', actor, data: { note } };
    },
  },
  'propose-solution': {
    from: ['ANALYSIS'],
    required: ['solution'],
    apply: (state, { actor, solution }, at) => {
      state.solution = { text: solution, by: actor, at };
      enterStage(state, 'SOLUTION', at);
      return { type: 'solution-proposed', actor, data: { solution } };
    },
  },
  'start-testing': {
    from: ['SOLUTION'],
    required: [],
    apply: (state, { actor, instructions }, at) => {
      state.verification = null;
      enterStage(state, 'CUSTOMER_TESTING', at);
      return { type: 'testing-started', actor, data: { instructions }, notify: 'testing-requested' };
    },
  },
  accept: {
    from: ['CUSTOMER_TESTING'],
    blockedBecause: (state) => (state.verification ? 'the client has already accepted' : undefined),
    required: [],
    apply: (state, { actor, comment }, at) => {
      state.verification = { by: actor, at, method: 'client-accepted', comment };
      return { type: 'accepted', actor, data: { comment } };
    },
  },
  reject: {
    from: ['CUSTOMER_TESTING'],
    blockedBecause: (state) => (state.verification ? 'the client has already accepted' : undefined),
    required: ['reason'],
    apply: (state, { actor, reason }, at) => {
      state.verification = null;
      enterStage(state, 'ANALYSIS', at);
      return { type: 'rejected', actor, data: { reason, solution: state.solution?.text } };
    },
  },
  close: {
    from: ['CUSTOMER_TESTING'],
    blockedBecause: (state, command) =>
      state.verification || command?.verification
        ? undefined
        : 'the client has not verified the solution: wait for the answer or record how the client confirmed it',
    required: ['resolution'],
    apply: (state, { actor, resolution, verification }, at) => {
      if (!state.verification && verification) {
        state.verification = { by: actor, at, method: verification.method, comment: verification.comment };
      }
      state.resolution = { text: resolution, by: actor, at };
      enterStage(state, 'CLOSED', at);
      return {
        type: 'closed',
        actor,
        data: { resolution, verification: state.verification },
        notify: 'resolved',
      };
    },
  },
};

import type { Priority } from '../domain/priority';
import type { Signed, Stage, TicketIntake, TicketView, Tier, Verification } from '../domain/ticket';
import type { NotificationKind, TicketEvent } from '../activities/ticket-projection';

export interface OpenTicketInput {
  number: string;
  intake: TicketIntake;
  priority: Priority;
  receivedAt: string;
  policy: { customerTestingSilenceMs: number };
}

/** All a ticket knows; small enough to carry through continue-as-new whole. */
export interface TicketState {
  number: string;
  intake: TicketIntake;
  priority: Priority;
  tier: Tier;
  stage: Stage;
  assignee: string | null;
  receivedAt: string;
  stageEnteredAt: Partial<Record<Stage, string>>;
  solution: (Signed & { text: string }) | null;
  verification: Verification | null;
  resolution: (Signed & { text: string }) | null;
  policy: OpenTicketInput['policy'];
  /** Bumped by every change; the projection keeps only the newest version of the row. */
  version: number;
  nextSeq: number;
  registered: boolean;
}

export function newTicketState(input: OpenTicketInput): TicketState {
  return {
    number: input.number,
    intake: input.intake,
    priority: input.priority,
    tier: 'TIER_1',
    stage: 'OPEN',
    assignee: null,
    receivedAt: input.receivedAt,
    stageEnteredAt: { OPEN: input.receivedAt },
    solution: null,
    verification: null,
    resolution: null,
    policy: input.policy,
    version: 0,
    nextSeq: 1,
    registered: false,
  };
}

export interface EventDraft {
  type: string;
  /** The stage the event happened in, when not the one the ticket is in once it is recorded. */
  stage?: Stage;
  actor: string;
  data?: Record<string, unknown>;
  notify?: NotificationKind;
}

/** Records one change: stamps it with the next sequence number and the stage it left the ticket in. */
export function recordEvent(state: TicketState, draft: EventDraft, at: string): TicketEvent {
  state.version += 1;
  return {
    seq: state.nextSeq++,
    type: draft.type,
    stage: draft.stage ?? state.stage,
    actor: draft.actor,
    at,
    data: draft.data ?? {},
    notify: draft.notify,
  };
}

export function enterStage(state: TicketState, stage: Stage, at: string): void {
  state.stage = stage;
  state.stageEnteredAt = { ...state.stageEnteredAt, [stage]: at };
}

export function ticketView(state: TicketState, allowedActions: string[]): TicketView {
  return {
    number: state.number,
    stage: state.stage,
    tier: state.tier,
    priority: state.priority,
    assignee: state.assignee,
    organization: state.intake.organization,
    channel: state.intake.channel,
    receivedAt: state.receivedAt,
    stageEnteredAt: state.stageEnteredAt,
    solution: state.solution,
    verification: state.verification,
    resolution: state.resolution,
    allowedActions,
  };
}

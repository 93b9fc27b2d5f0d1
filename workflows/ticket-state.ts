import type { Priority } from '../domain/priority';
import type { Signed, Stage, TicketIntake, TicketView, Tier, Verification } from '../domain/ticket';
import type { NotificationKind, TicketEvent } from '../activities/ticket-projection';
import type { SlaPolicy } from '../domain/sla';
import type { SlaClock } from './sla-clock';
import { slaView } from './sla-view';

export interface OpenTicketInput {
  number: string;
  intake: TicketIntake;
  priority: Priority;
  receivedAt: string;
  /** History events after which the ticket continues as new, even before the server suggests it. */
  historyLimit?: number;
  /** Parts to replace (R3), each from the warehouse chosen at intake with its shipment lead time. */
  parts?: PartToReplace[];
}

export interface PartToReplace {
  partNumber: string;
  warehouse: string;
  leadMinutes: number;
}

/** The ticket's service level: its contract's policy and the clocks measured against it (R16–R21). */
export interface TicketSla {
  policy: SlaPolicy;
  response: SlaClock;
  resolution: SlaClock;
  /** The current tier's time frame (R19); none at the manager decision point. */
  tier: SlaClock | null;
  /** The onsite response promise, from dispatch until the engineer is on site (R21). */
  onsite: SlaClock | null;
  testingDeadline: string | null;
  nextStatusUpdateAt: string | null;
  statusUpdatesSent: number;
  waitingOnClient: { since: string; question: string; by: string } | null;
  dispatch: {
    dispatchId: string;
    engineer: { id: string; name: string; email: string };
    appointmentAt: string;
  } | null;
  manager: {
    dossierId: string;
    filed: boolean;
    since: string;
    nextReminderAt: string;
    reminders: number;
  } | null;
  vendor: { caseRef: string; engagedAt: string; nextFollowUpAt: string; followUps: number } | null;
  escalations: number;
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
  historyLimit?: number;
  parts?: PartToReplace[];
  sla: TicketSla;
  /** R5: service is held, its clocks paused, until the contract is renewed or the request justified. */
  held: {
    reason: 'contract-expired' | 'not-justified';
    detail: string;
    since: string;
    by: string;
    accountManager: string | null;
  } | null;
  /** Letter batches queued and delivered, and whether the closing survey went out (R13). */
  letters: { queued: number; delivered: number; surveyed: boolean };
  /** Bumped by every change; the projection keeps only the newest version of the row. */
  version: number;
  nextSeq: number;
  registered: boolean;
}

export function newTicketState(input: OpenTicketInput, sla: TicketSla): TicketState {
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
    historyLimit: input.historyLimit,
    parts: input.parts,
    sla,
    held: null,
    letters: { queued: 0, delivered: 0, surveyed: false },
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
  /** When it happened, when not the moment the change is recorded. */
  at?: string;
  data?: Record<string, unknown>;
  notify?: NotificationKind;
  /** Who gets the letter, when not the requester. */
  notifyTo?: string[];
}

/** Records one change: stamps it with the next sequence number and the stage it left the ticket in. */
export function recordEvent(state: TicketState, draft: EventDraft, at: string): TicketEvent {
  state.version += 1;
  return {
    seq: state.nextSeq++,
    type: draft.type,
    stage: draft.stage ?? state.stage,
    actor: draft.actor,
    at: draft.at ?? at,
    data: draft.data ?? {},
    notify: draft.notify,
    notifyTo: draft.notifyTo,
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
    sla: slaView(state.sla),
    allowedActions,
  };
}

/** The ticket as received, in the moments before its service level opens: nobody can act on it yet. */
export function receivedView(input: OpenTicketInput): TicketView {
  return {
    number: input.number,
    stage: 'OPEN',
    tier: 'TIER_1',
    priority: input.priority,
    assignee: null,
    organization: input.intake.organization,
    channel: input.intake.channel,
    receivedAt: input.receivedAt,
    stageEnteredAt: { OPEN: input.receivedAt },
    solution: null,
    verification: null,
    resolution: null,
    sla: null,
    allowedActions: [],
  };
}

import type { Priority } from '../domain/priority';
import type { Stage, TicketIntake, Tier } from '../domain/ticket';
import type { NotificationKind, TicketEvent, TicketEventType } from '../domain/ticket-events';
import type { SlaPolicy } from '../domain/sla';
import type { ManagerDecisionPoint, OnsiteDispatch, VendorCase, WaitingOnClient } from '../domain/sla-view';
import type { SignedText, Verification } from '../domain/ticket-view';
import type { WorkPlan } from '../domain/work-plan';
import type { IncidentNotice } from '../domain/incident';
import type { SlaClock } from './sla-clock';

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
  /** Business minutes of the testing silence still to run, while a question to the client stops it (R11). */
  testingSilenceLeft?: number | null;
  nextStatusUpdateAt: string | null;
  statusUpdatesSent: number;
  waitingOnClient: WaitingOnClient | null;
  dispatch: OnsiteDispatch | null;
  manager: ManagerDecisionPoint | null;
  vendor: VendorCase | null;
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
  solution: SignedText | null;
  verification: Verification | null;
  resolution: SignedText | null;
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
  /** R8: the work plan, once one is drafted; absent on tickets that never had one. */
  plan?: WorkPlan | null;
  /** The organization's account manager when the ticket was received, told when service is held (R5). */
  accountManager?: string | null;
  /** The major incident the ticket is linked to; absent in tickets that never were. */
  incident?: IncidentNotice | null;
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
  type: TicketEventType;
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

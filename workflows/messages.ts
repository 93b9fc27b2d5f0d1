import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Priority } from '../domain/priority';
import type { TimedTier } from '../domain/sla';
import type { RolloutProgress, SlaChange } from '../domain/sla-rollout';
import type { TicketView } from '../domain/ticket-view';
import type { PlanAnswerChannel } from '../domain/work-plan';
import type { IncidentNotice, IncidentView } from '../domain/incident';

/**
 * Everything the API and the worker must agree on to talk to a ticket workflow.
 * Workflow-safe: the API imports it too, so it holds definitions only.
 */
export { DEFAULT_TASK_QUEUE } from './task-queue';
export { ticketSearchAttributes, allTicketSearchAttributes } from './search-attributes';

export interface ActionCommands {
  assign: { actor: string; engineer: string };
  'start-analysis': { actor: string; note?: string };
  'propose-solution': { actor: string; solution: string };
  'start-testing': { actor: string; instructions?: string };
  accept: { actor: string; comment?: string };
  reject: { actor: string; reason: string };
  close: {
    actor: string;
    resolution: string;
    /** How the client confirmed, when it was not through `accept` (R10). */
    verification?: { method: 'phone' | 'email' | 'in-person'; comment?: string };
  };
  /** R11: the SLA clocks pause until the client answers. */
  'request-info': { actor: string; question: string };
  'provide-info': { actor: string; answer: string };
  'change-priority': { actor: string; priority: Priority; reason: string };
  escalate: { actor: string; reason: string };
  /** The dispatched engineer is on site: the onsite promise is kept (R21). */
  'arrive-onsite': { actor: string; note?: string };
  /** The IT manager's decision at the end of the ladder (R20). */
  decide: ManagerDecision & { actor: string };
  /** A message on the ticket's conversation (R7); the requester's answer to a question resumes the clocks (R11). */
  /** R5: the request is not justified; its clocks pause until it is. */
  hold: { actor: string; reason: 'not-justified'; detail: string };
  /** R5: justified after all, or the contract renewed: service resumes where it was. */
  release: { actor: string; note?: string };
  /** R2 details an e-mail request lacked (`intake.missing`), as the agent learnt them. */
  'complete-details': {
    actor: string;
    site?: { address: string; building: string; room: string };
    siteContact?: { name: string; phone: string };
    requesterPhone?: string;
  };
  /** R8: the plan of the work, put to the client for approval; activities outside hours are special-hours work (R16). */
  'draft-plan': { actor: string; objective: string; activities: PlanActivityInput[] };
  'approve-plan': { actor: string; channel?: PlanAnswerChannel; note?: string };
  'decline-plan': { actor: string; channel?: PlanAnswerChannel; reason: string };
  'start-activity': { actor: string; activity: number; note: string };
  'complete-activity': { actor: string; activity: number; note: string };
  reply: {
    actor: string;
    message: string;
    channel?: 'portal' | 'email';
    subject?: string;
    mailMessageId?: string;
  };
}

export interface PlanActivityInput {
  title: string;
  owner: string;
  start: string;
  end: string;
  onSite?: boolean;
  /** Set by the workflow, never taken from the caller: outside the calendar's hours (R16). */
  specialHours?: boolean;
}

export type ManagerDecision =
  | { decision: 'continue'; tier: TimedTier; frameMinutes: number; note?: string }
  | { decision: 'engage-vendor'; vendorCaseRef: string; note?: string }
  | { decision: 'close-unresolved'; reason: string };

export type ActionName = keyof ActionCommands;

type ActionUpdates = { [A in ActionName]: UpdateDefinition<TicketView, [ActionCommands[A]], A> };

/** One entry per action, checked against ActionCommands: the list of actions is this table's keys. */
export const actionUpdates: ActionUpdates = {
  assign: defineUpdate('assign'),
  'start-analysis': defineUpdate('start-analysis'),
  'propose-solution': defineUpdate('propose-solution'),
  'start-testing': defineUpdate('start-testing'),
  accept: defineUpdate('accept'),
  reject: defineUpdate('reject'),
  close: defineUpdate('close'),
  'request-info': defineUpdate('request-info'),
  'provide-info': defineUpdate('provide-info'),
  'change-priority': defineUpdate('change-priority'),
  escalate: defineUpdate('escalate'),
  'arrive-onsite': defineUpdate('arrive-onsite'),
  decide: defineUpdate('decide'),
  reply: defineUpdate('reply'),
  hold: defineUpdate('hold'),
  release: defineUpdate('release'),
  'complete-details': defineUpdate('complete-details'),
  'draft-plan': defineUpdate('draft-plan'),
  'approve-plan': defineUpdate('approve-plan'),
  'decline-plan': defineUpdate('decline-plan'),
  'start-activity': defineUpdate('start-activity'),
  'complete-activity': defineUpdate('complete-activity'),
};

/** In the order above: the order a ticket's allowedActions lists them in. */
export const actionNames = Object.keys(actionUpdates) as ActionName[];

/**
 * R21: an appointment agreed with the site contact after the onsite promise of the dispatch in force runs
 * out; the reason is required. An appointment within the promise is the desk's record alone.
 */
export interface AppointmentBeyondPromise {
  actor: string;
  dispatchId: string;
  /** The agreed time, ISO 8601. */
  at: string;
  reason: string;
}
export const appointmentBeyondPromiseUpdate = defineUpdate<TicketView, [AppointmentBeyondPromise]>(
  'appointment-beyond-promise',
);

/** Sent with the workflow start: returns once the ticket row is committed, so `201` means stored. */
export const registeredUpdate = defineUpdate<TicketView>('registered');

export const ticketQuery = defineQuery<TicketView>('ticket');

/** How far the workflow got: `version` and `lastSeq` are what its projection row and timeline must match. */
export interface ProjectionStamp {
  version: number;
  lastSeq: number;
}
export const projectionStampQuery = defineQuery<ProjectionStamp>('projection-stamp');

/** Failure types the API turns into HTTP answers. */
export const failureTypes = {
  transitionNotAllowed: 'TransitionNotAllowed',
  invalidCommand: 'InvalidCommand',
  /** The projection cannot store a change even with unsafe text taken out; retrying would not help. */
  projectionDataFault: 'ProjectionDataFault',
  /** A ticket an incident cannot take: closed, held, or linked to another incident. */
  ticketRefused: 'TicketRefused',
} as const;

export interface TransitionNotAllowedDetails {
  stage: string;
  allowed: string[];
  /** Special-hours work asked for at too short notice: the first instant it may start (R16). */
  earliestStart?: string;
}

/**
 * A change of the ticket's policy or calendar, rolled out to running tickets: the ticket re-times its clocks on
 * the revision it reads now, once; a revision at or below the one it holds changes nothing.
 */
export const slaChangedSignal = defineSignal<[SlaChange]>('sla-changed');

/** How far a policy or calendar rollout got. */
export const rolloutProgressQuery = defineQuery<RolloutProgress>('rollout-progress');

/**
 * What a major incident tells each of its tickets, as updates of the ticket taken one at a time with its own
 * actions. Only the incident workflow sends them (through an activity), so they are no HTTP action.
 */
export interface IncidentTicketCommands {
  'link-incident': { actor: string; incident: IncidentNotice };
  'unlink-incident': { actor: string; incident: string; reason?: string };
  /** R17: the incident's status update, written once, is each linked ticket's status letter. */
  'incident-update': { actor: string; incident: string; message: string };
  /** The incident's solution, proposed to the ticket and handed to its client for testing (R9, R10). */
  'incident-resolved': { actor: string; incident: string; solution: string };
}
export type IncidentTicketCommandName = keyof IncidentTicketCommands;

export const incidentTicketUpdates: {
  [C in IncidentTicketCommandName]: UpdateDefinition<TicketView, [IncidentTicketCommands[C]], C>;
} = {
  'link-incident': defineUpdate('link-incident'),
  'unlink-incident': defineUpdate('unlink-incident'),
  'incident-update': defineUpdate('incident-update'),
  'incident-resolved': defineUpdate('incident-resolved'),
};

/** The incident workflow's own commands, one update each, validated before they enter its history. */
export interface IncidentCommands {
  link: { actor: string; ticket: string; organization: string };
  unlink: { actor: string; ticket: string; reason?: string };
  'post-update': { actor: string; message: string };
  'set-priority': { actor: string; priority: Priority; reason: string };
  resolve: { actor: string; solution: string };
}
export type IncidentCommandName = keyof IncidentCommands;

export const incidentUpdates: {
  [C in IncidentCommandName]: UpdateDefinition<IncidentView, [IncidentCommands[C]], C>;
} = {
  link: defineUpdate('link'),
  unlink: defineUpdate('unlink'),
  'post-update': defineUpdate('post-update'),
  'set-priority': defineUpdate('set-priority'),
  resolve: defineUpdate('resolve'),
};

export const incidentQuery = defineQuery<IncidentView>('incident');

/** Sent with the incident's start: returns once its row is stored, so `201` means the dashboard lists it. */
export const incidentDeclaredUpdate = defineUpdate<IncidentView>('declared');

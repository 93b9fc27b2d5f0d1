import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { TicketView } from '../domain/ticket';

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
}

export type ActionName = keyof ActionCommands;

export const actionNames = [
  'assign',
  'start-analysis',
  'propose-solution',
  'start-testing',
  'accept',
  'reject',
  'close',
] as const satisfies readonly ActionName[];

type ActionUpdates = { [A in ActionName]: UpdateDefinition<TicketView, [ActionCommands[A]], A> };

export const actionUpdates: ActionUpdates = {
  assign: defineUpdate('assign'),
  'start-analysis': defineUpdate('start-analysis'),
  'propose-solution': defineUpdate('propose-solution'),
  'start-testing': defineUpdate('start-testing'),
  accept: defineUpdate('accept'),
  reject: defineUpdate('reject'),
  close: defineUpdate('close'),
};

/** Sent with the workflow start: returns once the ticket row is committed, so `201` means stored. */
export const registeredUpdate = defineUpdate<TicketView>('registered');

export const ticketQuery = defineQuery<TicketView>('ticket');

/** Failure types the API turns into HTTP answers. */
export const failureTypes = {
  transitionNotAllowed: 'TransitionNotAllowed',
  invalidCommand: 'InvalidCommand',
} as const;

export interface TransitionNotAllowedDetails {
  stage: string;
  allowed: string[];
}

import {
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { failureTypes, type TransitionNotAllowedDetails } from '../workflows/messages';
import { DeskError, type FieldError } from './errors';

/** Turns what Temporal answered into the desk's refusal; anything unrecognised is thrown as it came. */
export function deskErrorOf(error: unknown, ticketNumber: string, deadlineMs: number): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (failure.type === failureTypes.transitionNotAllowed) {
      const { stage, allowed, earliestStart } = failure.details?.[0] as TransitionNotAllowedDetails;
      const special = earliestStart ? { earliestStart } : {};
      return DeskError.conflict(failure.message, { stage, allowedActions: allowed, ...special });
    }
    if (failure.type === failureTypes.invalidCommand) {
      return DeskError.invalid(failure.details as FieldError[]);
    }
  }
  if (error instanceof WorkflowNotFoundError) return DeskError.notFound(`ticket ${ticketNumber}`);
  if (notAnsweredInTime(error)) {
    return DeskError.unavailable(`no ticket worker answered within ${deadlineMs} ms; try again`);
  }
  return error;
}

/** gRPC status codes (CANCELLED, DEADLINE_EXCEEDED, UNAVAILABLE): the server or a worker did not answer in time. */
const notAnsweredCodes = new Set([1, 4, 14]);

/** Temporal or a worker did not answer in time: what was sent may or may not have been recorded. */
export function notAnsweredInTime(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const cause = (error as { cause?: unknown })?.cause ?? error;
  return isGrpcServiceError(cause) && notAnsweredCodes.has(cause.code);
}

import {
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { failureTypes, type TransitionNotAllowedDetails } from '../workflows/messages';
import { HttpError, type FieldError } from '../api/errors';

/** Turns what Temporal answered into what the API answers; anything unrecognised stays a 500. */
export function toHttpError(error: unknown, ticketNumber: string, deadlineMs: number): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (failure.type === failureTypes.transitionNotAllowed) {
      const { stage, allowed } = failure.details?.[0] as TransitionNotAllowedDetails;
      return new HttpError(409, failure.message, { stage, allowedActions: allowed });
    }
    if (failure.type === failureTypes.invalidCommand) {
      return HttpError.badRequest(failure.details as FieldError[]);
    }
  }
  if (error instanceof WorkflowNotFoundError) return HttpError.notFound(`ticket ${ticketNumber}`);
  if (notAnsweredInTime(error)) {
    return new HttpError(503, `no ticket worker answered within ${deadlineMs} ms; try again`, {
      retryable: true,
    });
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

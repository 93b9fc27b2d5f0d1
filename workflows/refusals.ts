import { ApplicationFailure } from '@temporalio/workflow';
import { failureTypes } from './messages';

/** Fields a command lacks: the API answers 400 naming each. Thrown from a validator, nothing is recorded. */
export function missingFields(name: string, missing: string[]): ApplicationFailure {
  return ApplicationFailure.create({
    type: failureTypes.invalidCommand,
    message: `${name}: ${missing.join(', ')} required`,
    details: missing.map((field) => ({ field, message: 'required' })),
    nonRetryable: true,
  });
}

/** A well-formed command the present state does not allow: the API answers 409 with the stage. */
export function notAllowedNow(
  name: string,
  blocked: string,
  stage: string,
  allowed: string[],
): ApplicationFailure {
  return ApplicationFailure.create({
    type: failureTypes.transitionNotAllowed,
    message: `${name}: ${blocked}`,
    details: [{ stage, allowed }],
    nonRetryable: true,
  });
}

import { ActivityFailure, ApplicationFailure, log } from '@temporalio/workflow';
import type { ProjectionFault } from '../activities/projection-faults';
import type { ProjectionOutcome } from '../activities/ticket-projection';
import type { TicketEvent } from '../domain/ticket-events';
import { cleanDeep, findUnsafeText } from '../domain/safe-text';
import { failureTypes } from './messages';
import { recordEvent, type TicketState } from './ticket-state';

/** A run recorded before the projection could send letters holds the fault alone, or nothing. */
type Write = (events: TicketEvent[]) => Promise<ProjectionOutcome | ProjectionFault | null>;

/**
 * Writes a change to the projection; a change it refused for its data (text PostgreSQL cannot hold, which
 * reached the workflow past the API's check) does not stop the ticket. The ticket's own text is cleaned so
 * later changes store as they are, and a `projection-failed` event puts the fault on the timeline.
 */
export async function recordSurvivingDataFaults(
  state: TicketState,
  events: TicketEvent[],
  at: string,
  write: Write,
): Promise<{ lettersSent: boolean }> {
  const { fault, lettersSent } = await outcomeOf(() => write(events));
  if (!fault) return { lettersSent };
  log.warn('ticket projection refused a change for its data', { ...fault });
  cleanTicketText(state);
  const failed = recordEvent(state, { type: 'projection-failed', actor: 'system', data: { ...fault } }, at);
  // Should even this be refused, the ticket still goes on: the fault is in the worker's log.
  await outcomeOf(() => write([failed]));
  return { lettersSent };
}

async function outcomeOf(write: () => Promise<ProjectionOutcome | ProjectionFault | null>) {
  try {
    const result = await write();
    if (result && 'lettersSent' in result)
      return { fault: result.fault ?? undefined, lettersSent: result.lettersSent };
    return { fault: result ?? undefined, lettersSent: false };
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    const refused = cause instanceof ApplicationFailure && cause.type === failureTypes.projectionDataFault;
    if (!refused) throw error;
    return { fault: cause.details?.[0] as ProjectionFault, lettersSent: false };
  }
}

function cleanTicketText(state: TicketState): void {
  const fields = state as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (findUnsafeText(value).length > 0) fields[key] = cleanDeep(value);
  }
}

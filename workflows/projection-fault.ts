import { ActivityFailure, ApplicationFailure, log } from '@temporalio/workflow';
import type { ProjectionFault } from '../activities/projection-faults';
import type { TicketEvent } from '../domain/ticket-events';
import { cleanDeep, findUnsafeText } from '../domain/safe-text';
import { failureTypes } from './messages';
import { recordEvent, type TicketState } from './ticket-state';

type Write = (events: TicketEvent[]) => Promise<ProjectionFault | null | void>;

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
): Promise<void> {
  const fault = await faultOf(() => write(events));
  if (!fault) return;
  log.warn('ticket projection refused a change for its data', { ...fault });
  cleanTicketText(state);
  const failed = recordEvent(state, { type: 'projection-failed', actor: 'system', data: { ...fault } }, at);
  // Should even this be refused, the ticket still goes on: the fault is in the worker's log.
  await faultOf(() => write([failed]));
}

async function faultOf(
  write: () => Promise<ProjectionFault | null | void>,
): Promise<ProjectionFault | undefined> {
  try {
    return (await write()) ?? undefined;
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    const refused = cause instanceof ApplicationFailure && cause.type === failureTypes.projectionDataFault;
    if (!refused) throw error;
    return cause.details?.[0] as ProjectionFault;
  }
}

function cleanTicketText(state: TicketState): void {
  const fields = state as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (findUnsafeText(value).length > 0) fields[key] = cleanDeep(value);
  }
}

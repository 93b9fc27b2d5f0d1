import { condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { MinimalActivities } from './minimal-activities';

/**
 * The floor for opening a ticket as a workflow: the least the same job can do. Started by update-with-start,
 * its update answers once one local activity has written the ticket's row, and then it stays open as a ticket
 * does. What the desk spends above this is the price of its rules, letters and projections.
 */
export const minimalRegisteredUpdate = defineUpdate<string, [Record<string, unknown>]>('minimalRegistered');

const { recordMinimalTicket } = proxyLocalActivities<MinimalActivities>({
  startToCloseTimeout: '10s',
});

export async function minimalTicketWorkflow(number: string): Promise<void> {
  setHandler(minimalRegisteredUpdate, async (intake) => {
    await recordMinimalTicket(number, intake);
    return number;
  });
  // Open until closed; the bench never closes one, and stopping the floor worker leaves them to the server.
  await condition(() => false);
}

/** A bare start's baseline: a workflow that does nothing. */
export async function emptyWorkflow(): Promise<void> {}

import type { TicketView } from '../../domain/ticket-view';
import type { Db } from '../../lib/db';
import { findTicket, type TicketDetails } from './reads';

/** The ticket after a change: its projection, or the workflow's view when the projection is unreadable. */
export type ChangedTicket = TicketDetails | (TicketView & { projectionPending: true });

/**
 * Temporal has already applied the change when this runs, so no failure here may turn into an error answer:
 * a client told "failed" would repeat an action that happened. With PostgreSQL down the answer is the
 * workflow's own view, marked `projectionPending`.
 */
export async function readBack(
  db: Db,
  number: string,
  workflowView: () => Promise<TicketView>,
): Promise<ChangedTicket> {
  const ticket = await findTicket(db, number).catch(() => undefined);
  return ticket ?? { ...(await workflowView()), projectionPending: true };
}

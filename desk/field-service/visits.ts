import { findTeam } from '../../lib/field-team';
import type { Db } from '../../lib/db';
import { DeskError } from '../errors';
import type { CheckInBody, CheckOutBody } from './schemas';
import { currentDispatch, invalidField, refuseIfClosed, violates, type FieldTicket } from './field-tickets';

export interface VisitView {
  id: number;
  ticket: string;
  dispatchId: string;
  engineer: { id: string; name: string; email: string };
  checkedInAt: string;
  checkedInBy: string;
  checkedOutAt: string | null;
  checkedOutBy: string | null;
  durationMinutes: number | null;
}

// A device whose clock runs a little ahead must still be able to record "now".
const CLOCK_SKEW_MS = 2 * 60_000;

/** Whole minutes on site, rounded to the nearest: what the invoice counts (R23). */
export const visitMinutes = (checkedIn: Date, checkedOut: Date) =>
  Math.round((checkedOut.getTime() - checkedIn.getTime()) / 60_000);

/**
 * R23: an engineer of the ticket's field team checks in on site; the partner team may record it for them.
 * One open visit per engineer and ticket, which the database enforces too.
 */
export async function checkIn(
  db: Db,
  ticket: FieldTicket,
  body: CheckInBody,
  by: string,
): Promise<VisitView> {
  refuseIfClosed(ticket, 'check-in');
  const dispatch = await currentDispatch(db, ticket, 'check-in');
  // Dispatched before field teams existed: the dispatched engineer is the team.
  const team = (await findTeam(db, ticket.number)) ?? {
    fieldEngineerId: dispatch.engineer_id,
    secondLineEngineerId: null,
  };
  const engineerId = body.engineerId ?? team.fieldEngineerId;
  if (engineerId !== team.fieldEngineerId && engineerId !== team.secondLineEngineerId) {
    throw invalidField('engineerId', `not on the field team of ticket ${ticket.number}`);
  }
  const at = recordedTime(body.at);
  if (at < dispatch.created_at) {
    throw invalidField('at', `before the engineer was dispatched (${dispatch.created_at.toISOString()})`);
  }
  try {
    const [{ id }] = await db('field_visits')
      .insert({
        ticket_number: ticket.number,
        dispatch_id: dispatch.id,
        engineer_id: engineerId,
        checked_in_at: at,
        checked_in_by: by,
      })
      .returning('id');
    return (await findVisit(db, ticket.number, String(id)))!;
  } catch (error) {
    if (!violates(error, 'field_visits_one_open')) throw error;
    throw DeskError.conflict(
      `check-in: engineer ${engineerId} is still checked in on ticket ${ticket.number}; check out first`,
    );
  }
}

/** Check-out closes the visit for good: the database refuses any later change to its times. */
export async function checkOut(
  db: Db,
  ticket: FieldTicket,
  visitId: string,
  body: CheckOutBody,
  by: string,
): Promise<VisitView> {
  const visit = await findVisit(db, ticket.number, visitId);
  if (!visit) throw DeskError.notFound(`visit ${visitId} of ticket ${ticket.number}`);
  const at = recordedTime(body.at);
  if (at.getTime() <= Date.parse(visit.checkedInAt)) {
    throw invalidField('at', `must be after the check-in at ${visit.checkedInAt}`);
  }
  const updated = await db('field_visits')
    .where({ id: visit.id })
    .whereNull('checked_out_at')
    .update({ checked_out_at: at, checked_out_by: by });
  if (!updated) {
    const { checkedOutAt } = (await findVisit(db, ticket.number, visitId))!;
    throw DeskError.conflict(`check-out: visit ${visitId} was checked out at ${checkedOutAt}`);
  }
  return (await findVisit(db, ticket.number, visitId))!;
}

export async function findVisit(
  db: Db,
  ticketNumber: string,
  visitId: string,
): Promise<VisitView | undefined> {
  if (!/^\d{1,15}$/.test(visitId)) return undefined;
  const [row] = await visitRows(db, ticketNumber).where('v.id', visitId);
  return row && toVisit(row);
}

export async function listVisits(db: Db, ticketNumber: string): Promise<VisitView[]> {
  return (await visitRows(db, ticketNumber).orderBy('v.id')).map(toVisit);
}

interface VisitRow {
  id: string;
  ticket_number: string;
  dispatch_id: string;
  engineer_id: string;
  engineer_name: string;
  engineer_email: string;
  checked_in_at: Date;
  checked_in_by: string;
  checked_out_at: Date | null;
  checked_out_by: string | null;
}

function visitRows(db: Db, ticketNumber: string) {
  return db('field_visits as v')
    .join('field_engineers as e', 'e.id', 'v.engineer_id')
    .where('v.ticket_number', ticketNumber)
    .select<VisitRow[]>('v.*', 'e.name as engineer_name', 'e.email as engineer_email');
}

function recordedTime(iso: string | undefined): Date {
  const at = iso === undefined ? new Date() : new Date(iso);
  if (at.getTime() > Date.now() + CLOCK_SKEW_MS) throw invalidField('at', 'must not be in the future');
  return at;
}

function toVisit(row: VisitRow): VisitView {
  const { checked_in_at: checkedIn, checked_out_at: checkedOut } = row;
  return {
    id: Number(row.id),
    ticket: row.ticket_number,
    dispatchId: row.dispatch_id,
    engineer: { id: row.engineer_id, name: row.engineer_name, email: row.engineer_email },
    checkedInAt: checkedIn.toISOString(),
    checkedInBy: row.checked_in_by,
    checkedOutAt: checkedOut?.toISOString() ?? null,
    checkedOutBy: row.checked_out_by,
    durationMinutes: checkedOut ? visitMinutes(checkedIn, checkedOut) : null,
  };
}

import { ApplicationFailure } from '@temporalio/activity';
import { cleanText } from '../domain/safe-text';
import type { Db } from '../lib/db';
import { fieldTeamFor } from './field-team';

export interface DispatchRequest {
  /** Chosen by the workflow, so a retried activity finds the dispatch it already made. */
  dispatchId: string;
  ticketNumber: string;
  organization: string;
  /** When the onsite promise runs out (R21), ISO 8601. */
  promiseDue: string;
}

export interface Dispatch {
  engineer: { id: string; name: string; email: string };
  appointmentAt: string;
}

/** Time to reach a site; the appointment proposed to the site contact is no earlier than this from now. */
const TRAVEL_LEAD_MS = 30 * 60_000;

/**
 * R21: an engineer is assigned and an appointment made with the site contact.
 *
 * The engineer: the ticket's own field engineer (R22, activities/field-team.ts), chosen at its first dispatch.
 * Concurrent dispatches of different tickets may pick the same engineer; that only makes the load uneven.
 *
 * The appointment: dispatch time plus the travel lead, or the promise itself when that comes sooner. A promise
 * already past (a late retry) still gets the earliest reachable time rather than a time in the past. The
 * engineer confirms it with the site contact.
 */
export function createFieldDispatchActivities(db: Db) {
  return {
    async dispatchFieldEngineer(request: DispatchRequest): Promise<Dispatch | null> {
      const existing = await findDispatch(db, request.dispatchId);
      if (existing) return existing;
      const due = promiseDue(request.promiseDue);
      const now = new Date();
      // As the projection stores the name: a NUL in it would fail the look-up on every retry.
      const team = await fieldTeamFor(db, request.ticketNumber, cleanText(request.organization), now);
      if (!team) return null;
      await db('dispatches')
        .insert({
          id: request.dispatchId,
          ticket_number: request.ticketNumber,
          engineer_id: team.fieldEngineerId,
          appointment_at: appointment(now, due),
          promise_due: due,
        })
        .onConflict('id')
        .ignore();
      // A concurrent attempt with the same id may have won the insert: the stored dispatch is the answer.
      return findDispatch(db, request.dispatchId);
    },
  };
}

async function findDispatch(db: Db, id: string): Promise<Dispatch | null> {
  const row = await db('dispatches as d')
    .join('field_engineers as e', 'e.id', 'd.engineer_id')
    .where('d.id', id)
    .first('e.id', 'e.name', 'e.email', 'd.appointment_at');
  if (!row) return null;
  return {
    engineer: { id: row.id, name: row.name, email: row.email },
    appointmentAt: row.appointment_at.toISOString(),
  };
}

function promiseDue(iso: string): Date {
  const due = new Date(iso);
  if (Number.isNaN(due.getTime())) {
    throw ApplicationFailure.nonRetryable(
      `promiseDue must be an ISO 8601 instant, got "${iso}"`,
      'InvalidDispatchRequest',
    );
  }
  return due;
}

function appointment(now: Date, due: Date): Date {
  const earliest = new Date(now.getTime() + TRAVEL_LEAD_MS);
  return due > now && due < earliest ? due : earliest;
}

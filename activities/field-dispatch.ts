import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../lib/db';

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
 * The engineer: an available one who serves the organization — one dedicated to it before one who serves
 * everybody (they know the site), then the one with the fewest appointments still ahead, then by id so the
 * choice is repeatable. Concurrent dispatches may pick the same engineer; that only makes the load uneven.
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
      const engineer = await pickEngineer(db, request.organization, now);
      if (!engineer) return null;
      await db('dispatches')
        .insert({
          id: request.dispatchId,
          ticket_number: request.ticketNumber,
          engineer_id: engineer.id,
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

function pickEngineer(db: Db, organization: string, now: Date): Promise<{ id: string } | undefined> {
  return db('field_engineers as e')
    .where('e.available', true)
    .andWhere((q) =>
      q.whereRaw('cardinality(e.organizations) = 0').orWhereRaw('? = ANY(e.organizations)', [organization]),
    )
    .orderByRaw(
      `cardinality(e.organizations) = 0,
       (SELECT count(*) FROM dispatches d WHERE d.engineer_id = e.id AND d.appointment_at > ?),
       e.id`,
      [now],
    )
    .first('e.id');
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

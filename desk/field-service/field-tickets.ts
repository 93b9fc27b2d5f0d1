import type { Db } from '../../lib/db';
import { organizationScope, type Principal } from '../access';
import { DeskError } from '../errors';

export interface FieldTicket {
  number: string;
  organization: string;
  closed: boolean;
  siteContact: { name: string; phone: string };
}

export interface DispatchRow {
  id: string;
  engineer_id: string;
  appointment_at: Date;
  promise_due: Date;
  created_at: Date;
}

/** The ticket as the principal may see it: another organization's looks exactly like a missing one (R24). */
export async function fieldTicket(db: Db, principal: Principal, number: string): Promise<FieldTicket> {
  const organization = organizationScope(principal);
  const row = await db('tickets')
    .where({ number })
    .modify((q) => {
      if (organization !== undefined) q.where({ organization });
    })
    .first('number', 'organization', 'stage', 'intake');
  if (!row) throw DeskError.notFound(`ticket ${number}`);
  return {
    number: row.number,
    organization: row.organization,
    closed: row.stage === 'CLOSED',
    siteContact: row.intake.siteContact,
  };
}

/** Field work is planned and done on an open ticket; its report may still be signed after closing. */
export function refuseIfClosed(ticket: FieldTicket, what: string): void {
  if (ticket.closed) throw DeskError.conflict(`${what}: ticket ${ticket.number} is closed`);
}

/** The dispatch in force: the latest, since a ticket may reach the Onsite tier more than once. */
export function latestDispatch(db: Db, number: string): Promise<DispatchRow | undefined> {
  return db('dispatches')
    .where({ ticket_number: number })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first<DispatchRow | undefined>();
}

export async function currentDispatch(db: Db, ticket: FieldTicket, what: string): Promise<DispatchRow> {
  const dispatch = await latestDispatch(db, ticket.number);
  if (!dispatch) {
    throw DeskError.conflict(`${what}: no field engineer has been dispatched to ticket ${ticket.number}`);
  }
  return dispatch;
}

export const invalidField = (field: string, message: string) => DeskError.invalid([{ field, message }]);

/** Whether PostgreSQL refused a write for the named constraint or index. */
export function violates(error: unknown, constraint: string): boolean {
  return (error as { constraint?: string } | null)?.constraint === constraint;
}

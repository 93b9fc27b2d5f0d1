import type { ManagerDossier } from '../../domain/manager-dossier';
import type { Db } from '../../lib/db';

export interface StoredDossier {
  id: string;
  ticketNumber: string;
  createdAt: string;
  dossier: ManagerDossier;
}

/** The dossiers filed for a ticket, oldest first; undefined when there is no such ticket. */
export async function findDossiers(db: Db, ticketNumber: string): Promise<StoredDossier[] | undefined> {
  if (!(await db('tickets').where({ number: ticketNumber }).first('number'))) return undefined;
  const rows = await db('manager_dossiers')
    .where({ ticket_number: ticketNumber })
    .orderBy(['created_at', 'id']);
  return rows.map((r) => ({
    id: r.id,
    ticketNumber: r.ticket_number,
    createdAt: r.created_at.toISOString(),
    dossier: r.dossier,
  }));
}

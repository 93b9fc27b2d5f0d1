import type { Db } from './db';

/** R22: the field engineer and the shared second-line engineer a ticket keeps for its whole life. */
export interface FieldTeam {
  fieldEngineerId: string;
  secondLineEngineerId: string | null;
}

export async function findTeam(db: Db, ticketNumber: string): Promise<FieldTeam | undefined> {
  const row = await db('ticket_field_team').where({ ticket_number: ticketNumber }).first();
  return row && { fieldEngineerId: row.field_engineer_id, secondLineEngineerId: row.second_line_engineer_id };
}

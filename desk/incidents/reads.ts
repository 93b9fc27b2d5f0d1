import type { IncidentView } from '../../domain/incident';
import type { Db } from '../../lib/db';
import { DeskError } from '../errors';

export interface IncidentSummary {
  number: string;
  title: string;
  service: string;
  status: string;
  priority: string | null;
  ticketCount: number;
  declaredAt: string;
  updatedAt: string;
}

interface IncidentRow {
  number: string;
  title: string;
  service: string;
  status: string;
  priority: string | null;
  ticket_count: number;
  declared_at: Date;
  updated_at: Date;
}

/** The managers' dashboard list: open incidents first, newest first. */
export async function listIncidents(db: Db, status?: string): Promise<IncidentSummary[]> {
  const rows: IncidentRow[] = await db('incidents')
    .modify((q) => (status ? q.where({ status }) : q))
    .orderByRaw(`status = 'open' DESC, declared_at DESC`)
    .limit(100);
  return rows.map((row) => ({
    number: row.number,
    title: row.title,
    service: row.service,
    status: row.status,
    priority: row.priority,
    ticketCount: row.ticket_count,
    declaredAt: new Date(row.declared_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

/** The incident as its workflow last stored it: its timeline and every linked ticket. */
export async function findIncident(db: Db, number: string): Promise<IncidentView> {
  const row = await db('incidents').where({ number }).first('view');
  if (!row) throw DeskError.notFound(`incident ${number}`);
  return row.view;
}

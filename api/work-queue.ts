import type { Db } from '../lib/db';
import { summary, type TicketRow, type TicketSummary } from './ticket-reads';

export interface WorkQueueItem extends TicketSummary {
  slaState: string;
  responseDue: string | null;
  resolutionDue: string | null;
  waitingOnClient: boolean;
}

export interface WorkQueueFilters {
  tier?: string;
  assignee?: string;
  limit: number;
  offset: number;
}

interface WorkQueueRow extends TicketRow {
  sla_state: string;
  response_due: Date | null;
  resolution_due: Date | null;
  waiting_on_client: boolean;
}

// Earlier stages need more work still, so they come first. The same expression as the tickets_work_queue
// index (migration 20261124_002), which lets PostgreSQL read the queue in order instead of sorting it.
const STAGE_RANK = "array_position(ARRAY['OPEN','ANALYSIS','SOLUTION','CUSTOMER_TESTING']::text[], stage)";

/** Open tickets in the order work is taken (R18): priority, then stage, then age (oldest first). */
export async function listWorkQueue(db: Db, filters: WorkQueueFilters) {
  const query = db('tickets').where('stage', '<>', 'CLOSED');
  if (filters.tier !== undefined) query.where('tier', filters.tier);
  if (filters.assignee !== undefined) query.where('assignee', filters.assignee);
  const [counted] = await query.clone().count<{ count: string }[]>({ count: '*' });
  const rows: WorkQueueRow[] = await query
    .orderBy('priority')
    .orderByRaw(STAGE_RANK)
    .orderBy(['received_at', 'number'])
    .limit(filters.limit)
    .offset(filters.offset);
  return {
    items: rows.map(queueItem),
    total: Number(counted?.count ?? 0),
    limit: filters.limit,
    offset: filters.offset,
  };
}

function queueItem(row: WorkQueueRow): WorkQueueItem {
  return {
    ...summary(row),
    slaState: row.sla_state,
    responseDue: row.response_due?.toISOString() ?? null,
    resolutionDue: row.resolution_due?.toISOString() ?? null,
    waitingOnClient: row.waiting_on_client,
  };
}

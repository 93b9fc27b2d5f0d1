import type { Db } from '../../lib/db';
import { pageOf } from './reads';

export interface WorkQueueFilters {
  tier?: string;
  priority?: string;
  /** "Which P1 tickets are breaching at Tier 3 right now" is priority + tier + slaState. */
  slaState?: string;
  assignee?: string;
  limit: number;
  offset: number;
}

// Earlier stages need more work still, so they come first. The same expression as the tickets_work_queue
// index (migration 20261124_002), which lets PostgreSQL read the queue in order instead of sorting it.
const STAGE_RANK = "array_position(ARRAY['OPEN','ANALYSIS','SOLUTION','CUSTOMER_TESTING']::text[], stage)";

/** Open tickets in the order work is taken (R18): priority, then stage, then age (oldest first). */
export async function listWorkQueue(db: Db, filters: WorkQueueFilters) {
  const query = db('tickets').where('stage', '<>', 'CLOSED');
  if (filters.tier !== undefined) query.where('tier', filters.tier);
  if (filters.priority !== undefined) query.where('priority', filters.priority);
  if (filters.slaState !== undefined) query.where('sla_state', filters.slaState);
  if (filters.assignee !== undefined) query.where('assignee', filters.assignee);
  return pageOf(
    db,
    query.orderBy('priority').orderByRaw(STAGE_RANK).orderBy(['received_at', 'number']),
    filters,
  );
}

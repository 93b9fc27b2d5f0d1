import type { ContractTerm } from '../domain/contract-standing';
import { cleanText } from '../domain/safe-text';
import type { Db } from '../lib/db';

export interface ContractRow extends ContractTerm {
  sla_policy_id: string;
  onsite_promise_minutes: number | null;
  fastest_onsite_minutes: number | null;
  special_hours_notice_days: number | null;
  calendar_id: string | null;
  account_manager: string | null;
}

/**
 * An organization's contracts, latest-starting first. The name is cleaned as the projection will store
 * it: a NUL in it would fail this query on every retry.
 */
export async function contractsOf(db: Db, organization: string): Promise<ContractRow[]> {
  const rows: ContractRow[] = await db('contracts')
    .where({ organization: cleanText(organization) })
    .orderBy([
      { column: 'valid_from', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .select(
      db.raw('valid_from::text AS "validFrom"'),
      db.raw('valid_to::text AS "validTo"'),
      'sla_policy_id',
      'onsite_promise_minutes',
      'fastest_onsite_minutes',
      'special_hours_notice_days',
      'calendar_id',
      'account_manager',
    );
  return rows;
}

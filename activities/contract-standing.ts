import { standsOn, utcDay } from '../domain/contract-standing';
import { cleanText } from '../domain/safe-text';
import type { Db } from '../lib/db';
import type { ContractRow } from './contract-terms';

export interface ContractStanding {
  /** `lapsed`: the organization has contracts, none valid on the day (R5); `none`: served on the default policy. */
  standing: 'valid' | 'lapsed' | 'none';
  /** Who hears why service is held: the latest contract's account manager, else the organization's. */
  accountManager: string | null;
}

/** Whether the organization's contract (`contractsOf`) covers the day a request arrives (R5). */
export async function contractStanding(
  db: Db,
  organization: string,
  rows: ContractRow[],
  at: string,
): Promise<ContractStanding> {
  const day = utcDay(at);
  // Cleaned as contractsOf cleans it, for the same reason.
  const name = cleanText(organization);
  const accountManager =
    rows[0]?.account_manager ??
    (await db('organizations').where({ name }).first('account_manager_email'))?.account_manager_email ??
    null;
  if (rows.length === 0) return { standing: 'none', accountManager };
  return { standing: rows.some((c) => standsOn(c, day)) ? 'valid' : 'lapsed', accountManager };
}

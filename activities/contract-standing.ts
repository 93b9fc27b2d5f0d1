import { standsOn, utcDay, type ContractTerm } from '../domain/contract-standing';
import { cleanText } from '../domain/safe-text';
import type { Db } from '../lib/db';

export interface ContractStanding {
  /** `lapsed`: the organization has contracts, none valid on the day (R5); `none`: served on the default policy. */
  standing: 'valid' | 'lapsed' | 'none';
  /** Who hears why service is held: the latest contract's account manager, else the organization's. */
  accountManager: string | null;
}

/** Whether the organization's contract covers the day a request arrives (R5). */
export function createContractStandingActivities(db: Db) {
  return {
    async contractStanding({
      organization,
      at,
    }: {
      organization: string;
      at: string;
    }): Promise<ContractStanding> {
      const day = utcDay(at);
      // As the projection will store the name: a NUL in it would fail these queries on every retry.
      const name = cleanText(organization);
      const rows: (ContractTerm & { account_manager: string | null })[] = await db('contracts')
        .where({ organization: name })
        .orderBy([
          { column: 'valid_from', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .select(
          db.raw('valid_from::text AS "validFrom"'),
          db.raw('valid_to::text AS "validTo"'),
          'account_manager',
        );
      const org = await db('organizations').where({ name }).first('account_manager_email');
      const accountManager = rows[0]?.account_manager ?? org?.account_manager_email ?? null;
      if (rows.length === 0) return { standing: 'none', accountManager };
      return { standing: rows.some((c) => standsOn(c, day)) ? 'valid' : 'lapsed', accountManager };
    },
  };
}

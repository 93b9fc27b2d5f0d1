import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import type { ContractCreate, ContractUpdate } from './schemas';
import { DeskError, type FieldError } from '../errors';

/** A contract (R16, R21, R5): its SLA policy, validity, and where it departs from the policy. */
export interface Contract {
  id: string;
  organization: string;
  slaPolicyId: string;
  /** UTC dates, both inclusive; no validTo: open-ended. */
  validFrom: string;
  validTo: string | null;
  /** E-mail address; the organization's account manager when null. */
  accountManager: string | null;
  /** The policy's onsite promise when null. */
  onsitePromiseMinutes: number | null;
  /**
   * The fastest onsite response a field-work request may ask for (R21); null: the onsite promise stands,
   * whatever the requester prefers.
   */
  fastestOnsiteMinutes: number | null;
  /** Business days of notice special-hours work needs (R16); the policy's when null. */
  specialHoursNoticeDays: number | null;
  /** The policy's calendar when null. */
  calendarId: string | null;
  createdAt: string;
}

/**
 * Called once a contract is stored, created or changed (a renewal is a change of its validity): where
 * held tickets of the organization are released (R5). Runs after the commit; its failure is the answer's.
 */
export type ContractChanged = (contract: Contract) => Promise<void>;

interface ContractRow {
  id: string;
  organization: string;
  sla_policy_id: string;
  valid_from: string;
  valid_to: string | null;
  account_manager: string | null;
  onsite_promise_minutes: number | null;
  fastest_onsite_minutes: number | null;
  special_hours_notice_days: number | null;
  calendar_id: string | null;
  created_at: Date;
}

const toContract = (row: ContractRow): Contract => ({
  id: String(row.id),
  organization: row.organization,
  slaPolicyId: row.sla_policy_id,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  accountManager: row.account_manager,
  onsitePromiseMinutes: row.onsite_promise_minutes,
  fastestOnsiteMinutes: row.fastest_onsite_minutes,
  specialHoursNoticeDays: row.special_hours_notice_days,
  calendarId: row.calendar_id,
  createdAt: row.created_at.toISOString(),
});

// node-pg would read a date as local midnight; as text it stays the calendar date it is.
const contracts = (db: Db | Knex.Transaction) =>
  db('contracts').select(
    'id',
    'organization',
    'sla_policy_id',
    'account_manager',
    'onsite_promise_minutes',
    'fastest_onsite_minutes',
    'special_hours_notice_days',
    'calendar_id',
    'created_at',
    db.raw('valid_from::text AS valid_from'),
    db.raw('valid_to::text AS valid_to'),
  );

async function findContract(db: Db | Knex.Transaction, id: string): Promise<Contract> {
  return toContract(await contracts(db).where({ id }).first());
}

/** Every named organization, policy and calendar must exist: each missing one is named at once. */
async function ensureReferencesExist(
  db: Db | Knex.Transaction,
  refs: { organization?: string; slaPolicyId?: string; calendarId?: string | null },
) {
  const checks: [field: string, table: string, column: string, value: string | null | undefined][] = [
    ['organization', 'organizations', 'name', refs.organization],
    ['slaPolicyId', 'sla_policies', 'id', refs.slaPolicyId],
    ['calendarId', 'business_calendars', 'id', refs.calendarId],
  ];
  const errors: FieldError[] = [];
  for (const [field, table, column, value] of checks) {
    if (value && !(await db(table).where(column, value).first(column))) {
      errors.push({ field, message: `no ${field === 'organization' ? 'organization' : field} ${value}` });
    }
  }
  if (errors.length) throw DeskError.refused(errors);
}

export async function createContract(db: Db, input: ContractCreate, onChanged?: ContractChanged) {
  await ensureReferencesExist(db, input);
  const [row] = await db('contracts')
    .insert({
      organization: input.organization,
      sla_policy_id: input.slaPolicyId,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      account_manager: input.accountManager ?? null,
      onsite_promise_minutes: input.onsitePromiseMinutes ?? null,
      fastest_onsite_minutes: input.fastestOnsiteMinutes ?? null,
      special_hours_notice_days: input.specialHoursNoticeDays ?? null,
      calendar_id: input.calendarId ?? null,
    })
    .returning<{ id: string }[]>('id');
  const contract = await findContract(db, row!.id);
  await onChanged?.(contract);
  return contract;
}

export async function listContracts(db: Db, filters: { organization?: string }): Promise<Contract[]> {
  const query = contracts(db).orderBy([
    { column: 'organization' },
    { column: 'valid_from' },
    { column: 'id' },
  ]);
  if (filters.organization) query.where({ organization: filters.organization });
  return (await query).map(toContract);
}

/** Renewing is changing validTo (or validFrom); the organization of a contract never changes. */
export async function updateContract(db: Db, id: string, input: ContractUpdate, onChanged?: ContractChanged) {
  const contract = await db.transaction(async (trx) => {
    const current: ContractRow | undefined = await contracts(trx).where({ id }).forUpdate().first();
    if (!current) throw DeskError.notFound(`contract ${id}`);
    const validFrom = input.validFrom ?? current.valid_from;
    const validTo = input.validTo === undefined ? current.valid_to : input.validTo;
    if (validTo !== null && validTo < validFrom) {
      throw DeskError.refused([{ field: 'validTo', message: `must not be before validFrom (${validFrom})` }]);
    }
    await ensureReferencesExist(trx, input);
    await trx('contracts').where({ id }).update({
      sla_policy_id: input.slaPolicyId,
      valid_from: validFrom,
      valid_to: validTo,
      account_manager: input.accountManager,
      onsite_promise_minutes: input.onsitePromiseMinutes,
      fastest_onsite_minutes: input.fastestOnsiteMinutes,
      special_hours_notice_days: input.specialHoursNoticeDays,
      calendar_id: input.calendarId,
    });
    return findContract(trx, id);
  });
  await onChanged?.(contract);
  return contract;
}

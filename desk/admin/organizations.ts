import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import type { OrganizationCreate, OrganizationUpdate } from './schemas';
import { uniqueViolation } from './unique-violation';
import { DeskError } from '../errors';

export interface Organization {
  id: string;
  name: string;
  reporterLimit: number;
  /** Requesters who may report now; at most `reporterLimit` (R6). */
  activeRequesters: number;
  accountManagerEmail: string | null;
  emailDomains: string[];
  createdAt: string;
}

interface OrganizationRow {
  id: string;
  name: string;
  reporter_limit: number;
  active_requesters: string;
  account_manager_email: string | null;
  email_domains: string[];
  created_at: Date;
}

const toOrganization = (row: OrganizationRow): Organization => ({
  id: row.id,
  name: row.name,
  reporterLimit: row.reporter_limit,
  activeRequesters: Number(row.active_requesters),
  accountManagerEmail: row.account_manager_email,
  emailDomains: row.email_domains,
  createdAt: row.created_at.toISOString(),
});

const withActiveRequesters = (db: Db | Knex.Transaction) =>
  db('organizations as o').select(
    'o.*',
    db('people as p')
      .count('*')
      .whereRaw('p.organization_id = o.id')
      .where({ 'p.role': 'requester', 'p.active': true })
      .as('active_requesters'),
  );

/** The slug an organization gets when the admin names none: "ACME Logistics" → "acme-logistics". */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'organization';
}

export async function createOrganization(db: Db, input: OrganizationCreate): Promise<Organization> {
  const id = input.id ?? slugOf(input.name);
  try {
    await db('organizations').insert({
      id,
      name: input.name,
      reporter_limit: input.reporterLimit,
      account_manager_email: input.accountManagerEmail ?? null,
      email_domains: input.emailDomains ?? [],
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (!constraint) throw error;
    const field = constraint === 'organizations_pkey' ? 'id' : 'name';
    throw DeskError.conflict(`an organization with this ${field} exists`, {
      errors: [{ field, message: `already taken${field === 'id' ? ` (${id})` : ''}` }],
    });
  }
  return (await findOrganization(db, id))!;
}

export async function listOrganizations(db: Db): Promise<Organization[]> {
  const rows: OrganizationRow[] = await withActiveRequesters(db).orderBy('o.name');
  return rows.map(toOrganization);
}

export async function findOrganization(
  db: Db | Knex.Transaction,
  id: string,
): Promise<Organization | undefined> {
  const row: OrganizationRow | undefined = await withActiveRequesters(db).where('o.id', id).first();
  return row && toOrganization(row);
}

/** A lower reporter limit than the requesters already authorized is refused: deactivate some first (R6). */
export async function updateOrganization(db: Db, id: string, input: OrganizationUpdate) {
  return db.transaction(async (trx) => {
    const locked = await trx('organizations').where({ id }).forUpdate().first('id');
    if (!locked) throw DeskError.notFound(`organization ${id}`);
    const current = (await findOrganization(trx, id))!;
    if (input.reporterLimit !== undefined && input.reporterLimit < current.activeRequesters) {
      throw DeskError.conflict(
        `${current.name} has ${current.activeRequesters} active requesters: deactivate some before lowering the reporter limit to ${input.reporterLimit}`,
        { errors: [{ field: 'reporterLimit', message: `at least ${current.activeRequesters}` }] },
      );
    }
    await trx('organizations')
      .where({ id })
      .update({
        reporter_limit: input.reporterLimit ?? current.reporterLimit,
        account_manager_email:
          input.accountManagerEmail === undefined ? current.accountManagerEmail : input.accountManagerEmail,
        email_domains: input.emailDomains ?? current.emailDomains,
      });
    return (await findOrganization(trx, id))!;
  });
}

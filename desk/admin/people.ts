import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import type { AgentKind, Role } from '../../lib/directory';
import type { PersonCreate } from './schemas';
import { DeskError } from '../errors';

export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  agentKind: AgentKind | null;
  organization: { id: string; name: string } | null;
  active: boolean;
  createdAt: string;
}

interface PersonRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  agent_kind: AgentKind | null;
  organization_id: string | null;
  organization_name: string | null;
  active: boolean;
  created_at: Date;
}

const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  agentKind: row.agent_kind,
  organization: row.organization_id ? { id: row.organization_id, name: row.organization_name! } : null,
  active: row.active,
  createdAt: row.created_at.toISOString(),
});

const people = (db: Db | Knex.Transaction) =>
  db('people as p')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select('p.*', 'o.name as organization_name');

const invalid = (field: string, message: string) => DeskError.refused([{ field, message }]);

/**
 * Adds a person. A requester takes one of the organization's places (R6): the organization's row is
 * locked while its requesters are counted, so two admins cannot both take the last place.
 */
export async function createPerson(db: Db, input: PersonCreate): Promise<Person> {
  return db.transaction(async (trx) => {
    if (input.organizationId) await ensurePlaceFor(trx, input.organizationId, input.email);
    const [created] = await trx('people')
      .insert({
        email: input.email,
        name: input.name,
        role: input.role,
        agent_kind: input.agentKind ?? null,
        organization_id: input.organizationId ?? null,
      })
      .onConflict('email')
      .ignore()
      .returning<{ id: string }[]>('id');
    if (!created) {
      throw DeskError.conflict(`${input.email} is already known to the desk`, {
        errors: [{ field: 'email', message: 'already taken' }],
      });
    }
    return toPerson(await people(trx).where('p.id', created.id).first());
  });
}

async function ensurePlaceFor(trx: Knex.Transaction, organizationId: string, email: string) {
  const organization = await trx('organizations').where({ id: organizationId }).forUpdate().first();
  if (!organization) throw invalid('organizationId', `no organization ${organizationId}`);
  const domains: string[] = organization.email_domains;
  if (domains.length && !domains.includes(email.slice(email.lastIndexOf('@') + 1))) {
    throw invalid('email', `a company address of ${organization.name}: @${domains.join(', @')}`);
  }
  const [counted] = await trx('people')
    .where({ organization_id: organizationId, role: 'requester', active: true })
    .count<{ count: string }[]>({ count: '*' });
  const active = Number(counted!.count);
  if (active >= organization.reporter_limit) {
    throw DeskError.conflict(
      `${organization.name} already has ${active} authorized reporters, its limit of ${organization.reporter_limit} (R6): deactivate one or raise the organization's reporterLimit`,
      { reporterLimit: organization.reporter_limit, activeRequesters: active },
    );
  }
}

export async function listPeople(
  db: Db,
  filters: { organizationId?: string; role?: Role; active?: 'true' | 'false' },
): Promise<Person[]> {
  const query = people(db).orderBy([{ column: 'p.role' }, { column: 'p.email' }]);
  if (filters.organizationId) query.where('p.organization_id', filters.organizationId);
  if (filters.role) query.where('p.role', filters.role);
  if (filters.active) query.where('p.active', filters.active === 'true');
  return (await query).map(toPerson);
}

/**
 * A deactivated person keeps their history but loses their place (R6) and every token at once. The last
 * active admin stays: without one nobody could issue a token or add a person again.
 */
export async function deactivatePerson(db: Db, id: string): Promise<Person> {
  return db.transaction(async (trx) => {
    await ensureNotLastAdmin(trx, id);
    const updated = await trx('people').where({ id }).update({ active: false });
    if (!updated) throw DeskError.notFound(`person ${id}`);
    await trx('api_tokens')
      .where({ person_id: id })
      .whereNull('revoked_at')
      .update({ revoked_at: trx.fn.now() });
    return toPerson(await people(trx).where('p.id', id).first());
  });
}

async function ensureNotLastAdmin(trx: Knex.Transaction, id: string): Promise<void> {
  // Locking every active admin: two admins deactivating each other at once cannot leave the desk with none.
  const admins = await trx('people').where({ role: 'admin', active: true }).forUpdate().pluck('id');
  if (admins.length === 1 && admins[0] === id) {
    throw DeskError.conflict('the desk’s only active admin cannot be deactivated: add another admin first', {
      errors: [{ field: 'id', message: 'the only active admin' }],
    });
  }
}

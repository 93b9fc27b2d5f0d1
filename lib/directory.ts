import type { Db } from './db';

export const roles = ['requester', 'agent', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

/** "an agent", "an admin", "a manager": a role named in a sentence. */
export function aRole(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}

export const agentKinds = ['tier-1', 'tier-2', 'tier-3', 'field-engineer', 'second-line'] as const;
export type AgentKind = (typeof agentKinds)[number];

export interface DirectoryOrganization {
  id: string;
  name: string;
  reporterLimit: number;
  accountManagerEmail: string | null;
}

/** A person the desk knows (R4, R24), as the mail listener and the API look them up. */
export interface DirectoryPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  agentKind: AgentKind | null;
  organization: DirectoryOrganization | null;
  active: boolean;
}

interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  agent_kind: AgentKind | null;
  active: boolean;
  organization_id: string | null;
  organization_name: string | null;
  reporter_limit: number | null;
  account_manager_email: string | null;
}

const personColumns = [
  'p.id',
  'p.name',
  'p.email',
  'p.role',
  'p.agent_kind',
  'p.active',
  'p.organization_id',
  'o.name as organization_name',
  'o.reporter_limit',
  'o.account_manager_email',
];

const people = (db: Db) => db('people as p').leftJoin('organizations as o', 'o.id', 'p.organization_id');

/** Addresses are stored lower-cased, so any spelling of a known address finds its person. */
export async function findPersonByEmail(db: Db, email: string): Promise<DirectoryPerson | undefined> {
  const row = await people(db)
    .where('p.email', email.trim().toLowerCase())
    .first<PersonRow | undefined>(personColumns);
  return row && toPerson(row);
}

export interface TokenHolder {
  person: DirectoryPerson;
  tokenId: string;
  lastUsedAt: Date | null;
}

/** The person behind a token that is neither revoked nor held by someone deactivated. */
export async function findActiveTokenHolder(db: Db, tokenHash: string): Promise<TokenHolder | undefined> {
  const row = await people(db)
    .join('api_tokens as t', 't.person_id', 'p.id')
    .where({ 't.token_hash': tokenHash, 'p.active': true })
    .whereNull('t.revoked_at')
    .first<(PersonRow & { token_id: string; last_used_at: Date | null }) | undefined>([
      ...personColumns,
      't.id as token_id',
      't.last_used_at',
    ]);
  return row && { person: toPerson(row), tokenId: row.token_id, lastUsedAt: row.last_used_at };
}

/** Whether `email` is an active authorized reporter of the organization named `organization` (R4, R6). */
export async function isActiveRequesterOf(db: Db, email: string, organization: string): Promise<boolean> {
  const person = await findPersonByEmail(db, email);
  return Boolean(person?.active && person.role === 'requester' && person.organization?.name === organization);
}

function toPerson(row: PersonRow): DirectoryPerson {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    agentKind: row.agent_kind,
    organization:
      row.organization_id === null
        ? null
        : {
            id: row.organization_id,
            name: row.organization_name!,
            reporterLimit: row.reporter_limit!,
            accountManagerEmail: row.account_manager_email,
          },
    active: row.active,
  };
}

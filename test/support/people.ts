import { randomUUID } from 'node:crypto';
import type { Person } from '../../desk/admin/people';
import { issueToken } from '../../desk/admin/tokens';
import type { Db } from '../../lib/db';
import { agentKinds, type AgentKind, type Role } from '../../lib/directory';
import { validIntake } from './intake';

/** A person as the admin API shows them, less the bookkeeping a seed does not read back. */
export interface SeededPerson extends Omit<Person, 'active' | 'createdAt'> {
  /** A fresh token of this test file's own. */
  token: string;
}

export interface Customer {
  organization: { id: string; name: string };
  requester: SeededPerson;
  /** A complete R2 request from this customer's requester. */
  intake(overrides?: Record<string, unknown>): Record<string, unknown>;
}

export interface Desk {
  /** "ACME Logistics" with its requester ana.ruiz@acme.example, whom `validIntake()` names. */
  acme: Customer;
  /** A second organization with a requester of its own, for cross-organization attempts. */
  globex: Customer;
  agents: Record<AgentKind, SeededPerson>;
  /** The tier-1 agent. */
  agent: SeededPerson;
  manager: SeededPerson;
  admin: SeededPerson;
  /** An organization and requester no other test file knows, for tests that count by organization. */
  customer(label?: string): Promise<Customer>;
}

interface PersonSpec {
  email: string;
  name: string;
  role: Role;
  agentKind?: AgentKind;
  organization?: { id: string; name: string };
}

// Test files run in parallel against one database: shared people and organizations are upserted, so any
// file may seed them first, and each file gets tokens of its own.
async function seedPerson(db: Db, spec: PersonSpec): Promise<SeededPerson> {
  const row = {
    email: spec.email,
    name: spec.name,
    role: spec.role,
    agent_kind: spec.agentKind ?? null,
    organization_id: spec.organization?.id ?? null,
    active: true,
  };
  const [person] = await db('people')
    .insert(row)
    .onConflict('email')
    .merge()
    .returning<{ id: string }[]>('id');
  const { token } = await issueToken(db, person!.id, 'test');
  return {
    id: person!.id,
    email: spec.email,
    name: spec.name,
    role: spec.role,
    agentKind: spec.agentKind ?? null,
    organization: spec.organization ?? null,
    token,
  };
}

async function seedCustomer(db: Db, id: string, name: string, requester: Omit<PersonSpec, 'role'>) {
  await db('organizations').insert({ id, name }).onConflict('id').ignore();
  const organization = { id, name };
  const person = await seedPerson(db, { ...requester, role: 'requester', organization });
  return {
    organization,
    requester: person,
    intake: (overrides: Record<string, unknown> = {}) =>
      validIntake({
        organization: name,
        requester: { name: person.name, email: person.email, phone: '+57 601 3557622' },
        ...overrides,
      }),
  } satisfies Customer;
}

/** The people of a desk, each with a token, for a test file. */
export async function seedDesk(db: Db): Promise<Desk> {
  const acme = await seedCustomer(db, 'acme-logistics', 'ACME Logistics', {
    email: 'ana.ruiz@acme.example',
    name: 'Ana Ruiz',
  });
  const globex = await seedCustomer(db, 'globex-retail', 'Globex Retail', {
    email: 'lena.park@globex.example',
    name: 'Lena Park',
  });
  const agents = Object.fromEntries(
    await Promise.all(
      agentKinds.map(async (kind) => [
        kind,
        await seedPerson(db, {
          email: `${kind}@desk.example`,
          name: `Agent ${kind}`,
          role: 'agent',
          agentKind: kind,
        }),
      ]),
    ),
  ) as Record<AgentKind, SeededPerson>;
  return {
    acme,
    globex,
    agents,
    agent: agents['tier-1'],
    manager: await seedPerson(db, { email: 'manager@desk.example', name: 'Irene Manager', role: 'manager' }),
    admin: await seedPerson(db, { email: 'admin@desk.example', name: 'Ada Admin', role: 'admin' }),
    customer(label = 'Customer') {
      const id = randomUUID();
      return seedCustomer(db, `customer-${id}`, `${label} ${id}`, {
        email: `requester-${id}@customer.example`,
        name: `Requester ${id.slice(0, 8)}`,
      });
    },
  };
}

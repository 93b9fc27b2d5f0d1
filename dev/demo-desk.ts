import type { Knex } from 'knex';
import { createContract } from '../desk/admin/contracts';
import { createOrganization } from '../desk/admin/organizations';
import { createPerson } from '../desk/admin/people';
import type { PersonCreate } from '../desk/admin/schemas';
import { issueToken } from '../desk/admin/tokens';
import type { Db } from '../lib/db';
import type { AgentKind, Role } from '../lib/directory';

const DEMO_LABEL = 'demo';

/** One customer per seed procedure, under the policy written from it (R16). */
const organizations = [
  {
    id: 'brocent-retail',
    name: 'BROCENT Retail',
    policy: 'brocent-24x7',
    reporterLimit: 3,
    accountManagerEmail: 'am.brocent@ticketflow.local',
    emailDomains: ['brocent.example'],
  },
  {
    id: 'acme-logistics',
    name: 'ACME Logistics',
    policy: 'customer-support-sop',
    reporterLimit: 2,
    accountManagerEmail: 'am.acme@ticketflow.local',
    emailDomains: ['acme.example'],
  },
  {
    id: 'andina-textiles',
    name: 'Andina Textiles',
    policy: 'itbx-bogota',
    // R6: ITBX names at most two reporters per company.
    reporterLimit: 2,
    accountManagerEmail: 'am.andina@ticketflow.local',
    emailDomains: ['andina.example'],
  },
];

// The field engineer is the one the dispatch roster (migration 002) sends to BROCENT Retail, and the manager
// is the one the seed policies tell.
const people: PersonCreate[] = [
  {
    email: 'carlos.mendez@brocent.example',
    name: 'Carlos Méndez',
    role: 'requester',
    organizationId: 'brocent-retail',
  },
  { email: 'ana.ruiz@acme.example', name: 'Ana Ruiz', role: 'requester', organizationId: 'acme-logistics' },
  {
    email: 'sofia.castro@andina.example',
    name: 'Sofía Castro',
    role: 'requester',
    organizationId: 'andina-textiles',
  },
  {
    email: 'julian.rios@andina.example',
    name: 'Julián Ríos',
    role: 'requester',
    organizationId: 'andina-textiles',
  },
  { email: 'maria.lopez@ticketflow.local', name: 'María López', role: 'agent', agentKind: 'tier-1' },
  { email: 'tomas.silva@ticketflow.local', name: 'Tomás Silva', role: 'agent', agentKind: 'tier-2' },
  { email: 'nadia.haddad@ticketflow.local', name: 'Nadia Haddad', role: 'agent', agentKind: 'tier-3' },
  { email: 'priya.nair@ticketflow.local', name: 'Priya Nair', role: 'agent', agentKind: 'field-engineer' },
  { email: 'kenji.sato@ticketflow.local', name: 'Kenji Sato', role: 'agent', agentKind: 'second-line' },
  { email: 'it-manager@ticketflow.local', name: 'Irene Vidal', role: 'manager' },
  { email: 'admin@ticketflow.local', name: 'Ada Admin', role: 'admin' },
];

export interface DemoToken {
  role: Role;
  agentKind: AgentKind | null;
  name: string;
  email: string;
  organization: string | null;
  token: string;
}

async function seedOrganizations(trx: Knex.Transaction): Promise<void> {
  for (const { policy, ...organization } of organizations) {
    const known = await trx('organizations').where({ id: organization.id }).first('id');
    if (!known) await createOrganization(trx, organization);
    const signed = await trx('contracts').where({ organization: organization.name }).first('id');
    if (!signed) {
      await createContract(trx, {
        organization: organization.name,
        slaPolicyId: policy,
        validFrom: '2025-01-01',
      });
    }
  }
}

/**
 * The demo desk `npm start` opens with: three customers with open-ended contracts, a person of every role
 * and agent kind, and a fresh token for each. A second run changes nothing but the tokens: the previous demo
 * tokens are revoked, so only the ones printed last work. What is missing is created as the admin API
 * creates it, under the same rules (R6, R16).
 */
export async function seedDemoDesk(db: Db): Promise<DemoToken[]> {
  return db.transaction(async (trx) => {
    await seedOrganizations(trx);
    const tokens: DemoToken[] = [];
    for (const person of people) {
      const known = await trx('people').where({ email: person.email }).first('id', 'active');
      const { id, active } = known ?? (await createPerson(trx, person));
      // An admin who deactivated a demo person meant it: no new token for them.
      if (!active) continue;
      await trx('api_tokens')
        .where({ person_id: id, label: DEMO_LABEL })
        .whereNull('revoked_at')
        .update({ revoked_at: trx.fn.now() });
      const { token } = await issueToken(trx, id, DEMO_LABEL);
      const organization = organizations.find((org) => org.id === person.organizationId)?.name ?? null;
      tokens.push({ ...person, agentKind: person.agentKind ?? null, organization, token });
    }
    return tokens;
  });
}

export function formatDemoTokens(tokens: DemoToken[]): string {
  const who = (t: DemoToken) => [t.role, t.agentKind ?? t.organization ?? ''].filter(Boolean).join(' · ');
  const width = Math.max(...tokens.map((t) => who(t).length));
  const lines = tokens.map((t) => `  ${who(t).padEnd(width)}  ${t.email.padEnd(32)}  ${t.token}`);
  return `demo tokens (new at every start; curl -H "Authorization: Bearer <token>"):\n${lines.join('\n')}`;
}

import type { Knex } from 'knex';
import { issueToken } from '../api/admin-tokens';
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
    accountManager: 'am.brocent@ticketflow.local',
    domain: 'brocent.example',
  },
  {
    id: 'acme-logistics',
    name: 'ACME Logistics',
    policy: 'customer-support-sop',
    reporterLimit: 2,
    accountManager: 'am.acme@ticketflow.local',
    domain: 'acme.example',
  },
  {
    id: 'andina-textiles',
    name: 'Andina Textiles',
    policy: 'itbx-bogota',
    // R6: ITBX names at most two reporters per company.
    reporterLimit: 2,
    accountManager: 'am.andina@ticketflow.local',
    domain: 'andina.example',
  },
];

interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  agentKind?: AgentKind;
  organizationId?: string;
}

// The field engineer is the one the dispatch roster (migration 002) sends to BROCENT Retail, and the manager
// is the one the seed policies tell.
const people: DemoPerson[] = [
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
  for (const org of organizations) {
    await trx('organizations')
      .insert({
        id: org.id,
        name: org.name,
        reporter_limit: org.reporterLimit,
        account_manager_email: org.accountManager,
        email_domains: [org.domain],
      })
      .onConflict('id')
      .ignore();
    const signed = await trx('contracts').where({ organization: org.name }).first('id');
    if (!signed) {
      await trx('contracts').insert({
        organization: org.name,
        sla_policy_id: org.policy,
        valid_from: '2025-01-01',
      });
    }
  }
}

/**
 * The demo desk `npm start` opens with: three customers with open-ended contracts, a person of every role
 * and agent kind, and a fresh token for each. A second run changes nothing but the tokens: the previous demo
 * tokens are revoked, so only the ones printed last work.
 */
export async function seedDemoDesk(db: Db): Promise<DemoToken[]> {
  return db.transaction(async (trx) => {
    await seedOrganizations(trx);
    const tokens: DemoToken[] = [];
    for (const person of people) {
      await trx('people')
        .insert({
          email: person.email,
          name: person.name,
          role: person.role,
          agent_kind: person.agentKind ?? null,
          organization_id: person.organizationId ?? null,
        })
        .onConflict('email')
        .ignore();
      const { id, active } = await trx('people').where({ email: person.email }).first('id', 'active');
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

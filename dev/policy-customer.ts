import { createContract } from '../desk/admin/contracts';
import { createOrganization } from '../desk/admin/organizations';
import { createPerson } from '../desk/admin/people';
import { listSlaPolicies, replaceSlaPolicy } from '../desk/admin/policies';
import { issueToken } from '../desk/admin/tokens';
import type { SlaPolicy } from '../domain/sla';
import { createDb } from '../lib/db';

export interface PolicyCustomer {
  /** A copy of the 24x7 seed policy with `changes`, so its minutes are wall-clock minutes. */
  policy: { id: string; name: string; changes: Partial<SlaPolicy> };
  organization: string;
  emailDomain: string;
  requesters: number;
}

export interface Person {
  email: string;
  name: string;
  token: string;
}

/**
 * A customer under a policy of its own, created through the admin functions under their rules, with its
 * requesters (`client-<n>@<domain>`) and one Tier 1 agent, each with an API token: what the chaos run and the
 * bench use to put tickets on short timers.
 */
export async function seedPolicyCustomer(
  databaseUrl: string,
  customer: PolicyCustomer,
): Promise<{ requesters: Person[]; agent: Person }> {
  const db = createDb(databaseUrl, { max: 1 });
  try {
    const base = (await listSlaPolicies(db)).find((policy) => policy.id === 'brocent-24x7');
    if (!base) throw new Error('the seed policy brocent-24x7 is missing: are the migrations applied?');
    const { id, name, changes } = customer.policy;
    await replaceSlaPolicy(db, id, { ...base, ...changes, id, name });
    const organization = await createOrganization(db, {
      name: customer.organization,
      reporterLimit: customer.requesters,
      emailDomains: [customer.emailDomain],
    });
    await createContract(db, {
      organization: customer.organization,
      slaPolicyId: id,
      validFrom: '2025-01-01',
    });
    const person = async (email: string, name: string, role: 'requester' | 'agent') => {
      const created = await createPerson(db, {
        email,
        name,
        role,
        ...(role === 'requester' ? { organizationId: organization.id } : { agentKind: 'tier-1' as const }),
      });
      return { email, name, token: (await issueToken(db, created.id, 'seeded')).token };
    };
    const requesters: Person[] = [];
    for (let n = 1; n <= customer.requesters; n++) {
      requesters.push(await person(`client-${n}@${customer.emailDomain}`, `Client ${n}`, 'requester'));
    }
    const agent = await person(`agent@${customer.emailDomain}`, `${customer.organization} Agent`, 'agent');
    return { requesters, agent };
  } finally {
    await db.destroy();
  }
}

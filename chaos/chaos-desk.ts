import { createContract } from '../desk/admin/contracts';
import { createOrganization } from '../desk/admin/organizations';
import { createPerson } from '../desk/admin/people';
import { listSlaPolicies, replaceSlaPolicy } from '../desk/admin/policies';
import { issueToken } from '../desk/admin/tokens';
import { createDb } from '../lib/db';

export const ORGANIZATION = 'Chaos Works';
const POLICY = 'chaos-one-minute-silence';

export interface Lane {
  email: string;
  name: string;
  token: string;
}

export interface ChaosDesk {
  /** One requester per concurrent client, so a client that lost an answer can tell its new ticket apart. */
  lanes: Lane[];
  agent: Lane;
}

/**
 * A customer whose contract gives a one-minute customer-testing silence on a 24x7 calendar, so tickets left
 * in testing close by their timer during the run (R9), created through the admin functions under their rules.
 */
export async function seedChaosDesk(databaseUrl: string, laneCount: number): Promise<ChaosDesk> {
  const db = createDb(databaseUrl, { max: 1 });
  try {
    const base = (await listSlaPolicies(db)).find((policy) => policy.id === 'brocent-24x7');
    if (!base) throw new Error('the seed policy brocent-24x7 is missing: are the migrations applied?');
    await replaceSlaPolicy(db, POLICY, {
      ...base,
      id: POLICY,
      name: 'Chaos: one minute of silence is acceptance',
      customerTestingSilenceMinutes: 1,
    });
    const organization = await createOrganization(db, {
      name: ORGANIZATION,
      reporterLimit: laneCount,
      emailDomains: ['chaos.example'],
    });
    await createContract(db, { organization: ORGANIZATION, slaPolicyId: POLICY, validFrom: '2025-01-01' });
    const person = async (email: string, name: string, role: 'requester' | 'agent') => {
      const created = await createPerson(db, {
        email,
        name,
        role,
        ...(role === 'requester' ? { organizationId: organization.id } : { agentKind: 'tier-1' as const }),
      });
      return { email, name, token: (await issueToken(db, created.id, 'chaos')).token };
    };
    const lanes: Lane[] = [];
    for (let n = 1; n <= laneCount; n++) {
      lanes.push(await person(`client-${n}@chaos.example`, `Client ${n}`, 'requester'));
    }
    return { lanes, agent: await person('agent@chaos.example', 'Chaos Agent', 'agent') };
  } finally {
    await db.destroy();
  }
}

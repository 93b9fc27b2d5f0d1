import { seedPolicyCustomer, type Person } from '../dev/policy-customer';

export const ORGANIZATION = 'Chaos Works';

export type Lane = Person;

export interface ChaosDesk {
  /** One requester per concurrent client, so a client that lost an answer can tell its new ticket apart. */
  lanes: Lane[];
  agent: Lane;
}

/**
 * A customer whose contract gives a one-minute customer-testing silence on a 24x7 calendar, so tickets left
 * in testing close by their timer during the run (R9).
 */
export async function seedChaosDesk(databaseUrl: string, laneCount: number): Promise<ChaosDesk> {
  const { requesters, agent } = await seedPolicyCustomer(databaseUrl, {
    policy: {
      id: 'chaos-one-minute-silence',
      name: 'Chaos: one minute of silence is acceptance',
      changes: { customerTestingSilenceMinutes: 1 },
    },
    organization: ORGANIZATION,
    emailDomain: 'chaos.example',
    requesters: laneCount,
  });
  return { lanes: requesters, agent };
}

import { onsiteFrameMinutes, tierFrameMinutes } from '../domain/escalation-ladder';
import { onsitePromise, onsiteTerms, type OnsiteTerms } from '../domain/onsite-promise';
import type { Priority } from '../domain/priority';
import type { SlaPolicy } from '../domain/sla';
import { haltClock, startClock, type SlaClock } from '../domain/sla-clock';
import type { Db } from '../lib/db';
import { createBusinessClockActivities } from './business-clock';
import { contractStanding, type ContractStanding } from './contract-standing';
import { contractsOf } from './contract-terms';
import { slaPolicyAmong } from './sla-policy';

export interface OpeningRequest {
  organization: string;
  /** When the ticket was received: the day its contract is matched on, the instant its clocks start. */
  at: string;
  priority: Priority;
  /** R3: the shipment of the slowest part, counted into the response time. */
  partsLeadMinutes: number;
  /** R21: a request for field work, with the onsite response its requester prefers. */
  fieldWork: { preferredOnsiteResponse?: string } | null;
}

/** Everything a ticket's contract says at intake, as the ticket opens with it. */
export interface OpeningTerms {
  policy: SlaPolicy;
  contract: ContractStanding;
  response: SlaClock;
  resolution: SlaClock;
  /** Tier 1's time frame; the Onsite frame, covering the promise, for field work dispatched at intake. */
  tier: SlaClock;
  /** R17: the first status update of a P1/P2 ticket. */
  nextStatusUpdateAt: string | null;
  /** R21, R22: the promise a request for field work is dispatched against at intake; none when held (R5). */
  onsite: OnsiteTerms | null;
}

/**
 * The contract as it stands when a ticket is received, worked out in one local activity: the SLA policy
 * (R16), whether the contract has lapsed (R5), the clocks and the first status update (R11, R17), and for
 * field work the onsite promise and frame (R21). One marker in the ticket's history instead of one per
 * question, and the calendar arithmetic the clocks need runs here, in the worker, as the local activities
 * of business-clock.ts would run it, so its answer is recorded all the same.
 */
export function createOpeningTermsActivities(db: Db, defaultPolicyId: string) {
  const arithmetic = createBusinessClockActivities();
  return {
    async openingTerms(request: OpeningRequest): Promise<OpeningTerms> {
      const { organization, at, priority, fieldWork } = request;
      const contracts = await contractsOf(db, organization);
      const [policy, contract] = await Promise.all([
        slaPolicyAmong(db, defaultPolicyId, contracts, at),
        contractStanding(db, organization, contracts, at),
      ]);
      const { calendar, atRiskShare } = policy;
      const targets = policy.targets[priority];
      const clock = (minutes: number, share: number) => startClock(arithmetic, calendar, minutes, share, at);
      const held = contract.standing === 'lapsed';
      // A held request sends nobody (R5): it is dispatched once service is released.
      const promise = fieldWork && !held ? onsitePromise(policy, fieldWork.preferredOnsiteResponse) : null;
      const frame = promise ? onsiteFrameMinutes(policy, promise) : tierFrameMinutes(policy, 'TIER_1');
      const terms: OpeningTerms = {
        policy,
        contract,
        response: await clock(targets.responseMinutes + request.partsLeadMinutes, atRiskShare),
        resolution: await clock(targets.resolutionMinutes, atRiskShare),
        tier: await clock(frame, 1),
        nextStatusUpdateAt:
          targets.statusUpdateMinutes === null
            ? null
            : await arithmetic.businessDeadline({ calendar, from: at, minutes: targets.statusUpdateMinutes }),
        onsite: promise && (await onsiteTerms(arithmetic, policy, promise, at)),
      };
      // R5: while service is held no clock runs, from the start.
      if (held) {
        for (const halted of [terms.response, terms.resolution, terms.tier]) {
          await haltClock(arithmetic, halted, calendar, at, 'paused');
        }
      }
      return terms;
    },
  };
}

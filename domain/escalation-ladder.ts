import type { OnsitePromise } from './onsite-promise';
import type { SlaPolicy, TimedTier } from './sla';
import { tiers, type Tier } from './ticket';

/** The next rung of the ladder Tier 1 → Tier 2 → Tier 3 → Onsite → IT manager (R19); none above the manager. */
export function nextTier(tier: Tier): Tier | undefined {
  return tiers[tiers.indexOf(tier) + 1];
}

/** The time frame a ticket gets on arriving at a timed tier: the one the manager set (R20), else the policy's. */
export function tierFrameMinutes(policy: SlaPolicy, tier: TimedTier, frameMinutes?: number): number {
  return frameMinutes ?? policy.tierMinutes[tier];
}

/**
 * R21: the Onsite frame ends no sooner than the onsite promise, so the ladder never climbs past an engineer
 * who still has time to arrive.
 */
export function onsiteFrameMinutes(policy: SlaPolicy, promise: OnsitePromise, frameMinutes?: number): number {
  return Math.max(tierFrameMinutes(policy, 'ONSITE', frameMinutes), promise.minutes);
}

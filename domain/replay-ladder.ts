import type { TicketClocks } from './clock-effects';
import { nextTier, onsiteFrameMinutes, tierFrameMinutes } from './escalation-ladder';
import type { ReleasedTicket } from './field-work';
import type { OnsitePromise } from './onsite-promise';
import type { SlaPolicy } from './sla';
import { haltClock, startClock, type ClockArithmetic } from './sla-clock';
import type { Tier } from './ticket';

/** What the ladder did, for the what-if report to count at the tier it happened at. */
export type LadderOutcome = 'automatic-escalation' | 'manager-decision';

/**
 * The ladder as the what-if replay climbs it, by the workflow's rules (domain/escalation-ladder.ts): each
 * rung's frame is the `tier` clock, and at the manager decision point there is none. No engineer is sent.
 */
export class ReplayLadder {
  tier: Tier = 'TIER_1';
  /** Rungs climbed, by hand or not: the ticket's escalations. */
  climbs = 0;

  constructor(
    private readonly math: ClockArithmetic,
    private readonly policy: SlaPolicy,
    private readonly promise: OnsitePromise,
    private readonly clocks: TicketClocks,
    private readonly record: (kind: LadderOutcome, at: string) => void,
  ) {}

  /** Arrives at `tier` (as the ticket is now, when none is given) with the manager's frame, else the policy's. */
  async enter(at: string, tier: Tier = this.tier, frameMinutes?: number): Promise<void> {
    this.tier = tier;
    const { calendar } = this.policy;
    if (tier === 'MANAGER') {
      const frame = this.clocks.tier;
      if (frame?.status === 'running') await haltClock(this.math, frame, calendar, at, 'stopped');
      this.clocks.tier = null;
      this.record('manager-decision', at);
      return;
    }
    const minutes =
      tier === 'ONSITE'
        ? onsiteFrameMinutes(this.policy, this.promise, frameMinutes)
        : tierFrameMinutes(this.policy, tier, frameMinutes);
    this.clocks.tier = await startClock(this.math, calendar, minutes, 1, at);
  }

  /** The ticket as the release rule reads it; the replay sends nobody, so nobody was dispatched. */
  released(fieldWork: boolean, planHolds: boolean): ReleasedTicket {
    return { fieldWork, tier: this.tier, escalations: this.climbs, dispatched: false, planHolds };
  }

  /** One rung up; an automatic climb is the frame running out, counted at the tier it left. */
  async climb(at: string, automatic: boolean): Promise<void> {
    const to = nextTier(this.tier);
    if (!to) return;
    if (automatic) this.record('automatic-escalation', at);
    this.climbs += 1;
    await this.enter(at, to);
  }
}

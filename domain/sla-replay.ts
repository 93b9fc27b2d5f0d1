import { addBusinessMinutes, businessMinutesBetween } from './calendar/business-time';
import { nextTier, onsiteFrameMinutes, tierFrameMinutes } from './escalation-ladder';
import { applyClockEffects, clockEffects, isClockEvent, planHolds, type ClockWaits } from './clock-effects';
import { onsitePromise } from './onsite-promise';
import { planTerms } from './plan-terms';
import type { Priority } from './priority';
import type { SlaPolicy } from './sla';
import { haltClock, retargetClock, startClock, type ClockArithmetic, type SlaClock } from './sla-clock';
import type { Tier } from './ticket';
import { eventType, type TimelineEntry } from './ticket-events';

/** What a ticket's timeline says happened to it, as the what-if report replays it. */
export interface TicketFacts {
  number: string;
  receivedAt: string;
  /** The priority it was received with (a later change is on the timeline). */
  priority: Priority;
  /** R3: the slowest part's shipment, counted into the response target. */
  partsLeadMinutes: number;
  /** R21: a request for field work starts at the Onsite rung, and its preference bounds the Onsite frame. */
  fieldWork: { preferredOnsiteResponse?: string } | null;
  /** The promise its real dispatch was made against, contract terms included; else the policy's is used. */
  onsitePromiseMinutes: number | null;
  /** In `seq` order. */
  events: TimelineEntry[];
}

/** Something the clocks or the ladder did, with the priority and tier the ticket had then. */
export interface Outcome {
  kind: 'response-breached' | 'resolution-breached' | 'automatic-escalation' | 'manager-decision';
  at: string;
  priority: Priority;
  tier: Tier;
}

/**
 * Outside a workflow the calendar answers directly. A replay ends at `horizon`, so a deadline past it is
 * never reached: it is answered as just after the horizon instead of being counted out day by day.
 */
export function calendarArithmetic(horizon: string): ClockArithmetic {
  const beyond = new Date(Date.parse(horizon) + 1).toISOString();
  return {
    businessDeadlines: async ({ calendar, from, minutes }) => {
      const reachable = businessMinutesBetween(calendar, new Date(from), new Date(horizon));
      return minutes.map((m) =>
        m > reachable ? beyond : addBusinessMinutes(calendar, new Date(from), m).toISOString(),
      );
    },
    businessMinutesElapsed: async ({ calendar, from, to }) =>
      businessMinutesBetween(calendar, new Date(from), new Date(to)),
  };
}

const ms = Date.parse;

/**
 * The ticket's real path replayed against `policy`: what people did (first contact, questions and answers,
 * holds, solutions, rejections, priority changes, escalations by hand, the manager's decisions, closing)
 * happens when it happened; what the policy decides (breaches, a time frame running out) happens when the
 * policy says, by the workflow's own clock, clock-effect and ladder rules. Open tickets run on until `until`.
 */
export async function replayTicket(facts: TicketFacts, policy: SlaPolicy, until: string): Promise<Outcome[]> {
  const math = calendarArithmetic(until);
  const { calendar, atRiskShare } = policy;
  const outcomes: Outcome[] = [];
  let priority = facts.priority;
  let tier: Tier = 'TIER_1';
  let closed = false;
  const breached = new Set<string>();
  const responseTarget = () => policy.targets[priority].responseMinutes + facts.partsLeadMinutes;
  const at0 = facts.receivedAt;
  const response = await startClock(math, calendar, responseTarget(), atRiskShare, at0);
  const resolution = await startClock(
    math,
    calendar,
    policy.targets[priority].resolutionMinutes,
    atRiskShare,
    at0,
  );
  let frame: SlaClock | null = null;
  let climbs = 0;
  const planPausesClocks = planTerms(policy).pausesClocks;
  const waits: ClockWaits = { client: false, held: false, plan: false, planPausesClocks };
  const promise =
    facts.onsitePromiseMinutes === null
      ? onsitePromise(policy, facts.fieldWork?.preferredOnsiteResponse)
      : { minutes: facts.onsitePromiseMinutes, source: 'contract' as const };

  const record = (kind: Outcome['kind'], at: string) => outcomes.push({ kind, at, priority, tier });
  const breach = (clock: 'response' | 'resolution', at: string) => {
    if (!breached.has(clock)) record(`${clock}-breached`, at);
    breached.add(clock);
  };
  const halt = (clock: SlaClock | null, at: string, as: 'paused' | 'stopped') =>
    clock?.status === 'running' ? haltClock(math, clock, calendar, at, as) : undefined;
  const enterTier = async (at: string, frameMinutes?: number) => {
    if (tier === 'MANAGER') {
      await halt(frame, at, 'stopped');
      frame = null;
      record('manager-decision', at);
      return;
    }
    const minutes =
      tier === 'ONSITE'
        ? onsiteFrameMinutes(policy, promise, frameMinutes)
        : tierFrameMinutes(policy, tier, frameMinutes);
    frame = await startClock(math, calendar, minutes, 1, at);
  };
  const climb = async (at: string, automatic: boolean) => {
    const to = nextTier(tier);
    if (!to) return;
    if (automatic) record('automatic-escalation', at);
    tier = to;
    climbs += 1;
    await enterTier(at);
  };

  // A request for field work starts at Onsite, unless held at intake: then it goes there on release (R5).
  const heldAtIntake = facts.events.some((e) => e.type === eventType.held && ms(e.at) === ms(at0));
  if (facts.fieldWork && !heldAtIntake) tier = 'ONSITE';
  await enterTier(at0);

  /** What the policy brings about up to `t`, soonest first, as the workflow's timers would. */
  const advance = async (t: string) => {
    for (;;) {
      const due = [
        { name: 'response' as const, clock: response as SlaClock | null },
        { name: 'resolution' as const, clock: resolution as SlaClock | null },
        { name: 'frame' as const, clock: frame },
      ]
        .filter(({ clock }) => clock?.status === 'running' && !clock.breached && clock.dueAt)
        .filter(({ clock }) => ms(clock!.dueAt!) <= ms(t))
        .sort((a, b) => ms(a.clock!.dueAt!) - ms(b.clock!.dueAt!))[0];
      if (closed || !due) return;
      const clock = due.clock!;
      const at = clock.dueAt!;
      clock.breached = true;
      if (due.name === 'frame') await climb(at, true);
      else breach(due.name, at);
    }
  };

  for (const event of facts.events) {
    if (closed) break;
    await advance(event.at);
    const { type, at, data } = event;
    noteWaits(waits, type);
    if (isClockEvent(type)) {
      const clocks = { response, resolution, tier: frame, onsite: null };
      await applyClockEffects(math, clockEffects(type, waits), clocks, policy, at);
    }
    switch (type) {
      case eventType.released:
        if (facts.fieldWork && tier === 'TIER_1' && climbs === 0 && !planHolds(waits)) {
          tier = 'ONSITE';
          await enterTier(at);
        }
        break;
      case eventType['priority-changed']:
        priority = data.to as Priority;
        await retargetClock(math, response, calendar, responseTarget(), atRiskShare, at);
        await retargetClock(
          math,
          resolution,
          calendar,
          policy.targets[priority].resolutionMinutes,
          atRiskShare,
          at,
        );
        if (response.breached) breach('response', at);
        if (resolution.breached) breach('resolution', at);
        break;
      case eventType.escalated:
        // The automatic ones were the real policy's doing: this policy's own run out above.
        if (!data.automatic) await climb(at, false);
        break;
      case eventType['manager-decided']:
        if (tier === 'MANAGER' && data.decision === 'continue') {
          tier = data.tier as Tier;
          await enterTier(at, data.frameMinutes as number);
        }
        break;
      case eventType['closed-unresolved']:
        // No resolution was delivered, however early (docs/reports.md).
        breach('resolution', at);
        closed = true;
        break;
      case eventType.closed:
        closed = true;
        break;
    }
  }
  await advance(until);
  return outcomes;
}

/**
 * What the clocks wait on, as the timeline tells it; the workflow reads it from the ticket's state. A reply
 * that answers the question is followed by its `info-provided`, so the clocks resume once, at the answer.
 */
function noteWaits(waits: ClockWaits, type: string): void {
  if (type === eventType['info-requested']) waits.client = true;
  if (type === eventType['info-provided']) waits.client = false;
  if (type === eventType['plan-proposed']) waits.plan = true;
  if (type === eventType['plan-approved'] || type === eventType['plan-declined']) waits.plan = false;
  if (type === eventType.held) waits.held = true;
  if (type === eventType.released) waits.held = false;
}

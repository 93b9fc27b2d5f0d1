import { calendarArithmetic } from './calendar-arithmetic';
import {
  applyClockEffects,
  clockEffects,
  isClockEvent,
  planHolds,
  type ClockWaits,
  type TicketClocks,
} from './clock-effects';
import { goesOnsiteOnRelease } from './field-work';
import { onsitePromise } from './onsite-promise';
import { planTerms } from './plan-terms';
import type { Priority } from './priority';
import { priorityTargets, retimeForPriority } from './priority-retiming';
import { ReplayLadder } from './replay-ladder';
import type { SlaPolicy } from './sla';
import { startClock } from './sla-clock';
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

const ms = Date.parse;

/** The clocks a replay times: it sends no engineer, so it has no onsite clock. */
const timed = ['response', 'resolution', 'tier'] as const;

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
  const breached = new Set<string>();
  const target = priorityTargets(policy, priority, facts.partsLeadMinutes);
  const at0 = facts.receivedAt;
  const response = await startClock(math, calendar, target.response, atRiskShare, at0);
  const resolution = await startClock(math, calendar, target.resolution, atRiskShare, at0);
  const clocks: TicketClocks = { response, resolution, tier: null, onsite: null };
  const planPausesClocks = planTerms(policy).pausesClocks;
  const waits: ClockWaits = { client: false, held: false, plan: false, planPausesClocks };
  const promise =
    facts.onsitePromiseMinutes === null
      ? onsitePromise(policy, facts.fieldWork?.preferredOnsiteResponse)
      : { minutes: facts.onsitePromiseMinutes, source: 'contract' as const };

  const record = (kind: Outcome['kind'], at: string) =>
    outcomes.push({ kind, at, priority, tier: ladder.tier });
  const ladder = new ReplayLadder(math, policy, promise, clocks, record);
  const breach = (clock: 'response' | 'resolution', at: string) => {
    if (!breached.has(clock)) record(`${clock}-breached`, at);
    breached.add(clock);
  };

  // A request for field work starts at Onsite, unless held at intake: then it goes there on release (R5).
  const heldAtIntake = facts.events.some((e) => e.type === eventType.held && ms(e.at) === ms(at0));
  await ladder.enter(at0, facts.fieldWork && !heldAtIntake ? 'ONSITE' : 'TIER_1');

  /** What the policy brings about up to `t`, soonest first, as the workflow's timers would. */
  const advance = async (t: string) => {
    for (;;) {
      const due = timed
        .map((name) => ({ name, clock: clocks[name] }))
        .filter(({ clock }) => clock?.status === 'running' && !clock.breached && clock.dueAt)
        .filter(({ clock }) => ms(clock!.dueAt!) <= ms(t))
        .sort((a, b) => ms(a.clock!.dueAt!) - ms(b.clock!.dueAt!))[0];
      if (!due) return;
      const clock = due.clock!;
      const at = clock.dueAt!;
      clock.breached = true;
      if (due.name === 'tier') await ladder.climb(at, true);
      else breach(due.name, at);
    }
  };

  for (const { type, at, data } of facts.events) {
    await advance(at);
    noteWaits(waits, type);
    if (isClockEvent(type)) await applyClockEffects(math, clockEffects(type, waits), clocks, policy, at);
    switch (type) {
      case eventType.released:
        if (goesOnsiteOnRelease(ladder.released(facts.fieldWork !== null, planHolds(waits)))) {
          await ladder.enter(at, 'ONSITE');
        }
        break;
      case eventType['priority-changed']:
        priority = data.to as Priority;
        await retimeForPriority(math, { response, resolution }, policy, priority, facts.partsLeadMinutes, at);
        if (response.breached) breach('response', at);
        if (resolution.breached) breach('resolution', at);
        break;
      case eventType.escalated:
        // The automatic ones were the real policy's doing: this policy's own run out above.
        if (!data.automatic) await ladder.climb(at, false);
        break;
      case eventType['manager-decided']:
        if (ladder.tier === 'MANAGER' && data.decision === 'continue') {
          await ladder.enter(at, data.tier as Tier, data.frameMinutes as number);
        }
        break;
      case eventType['closed-unresolved']:
        // No resolution was delivered, however early (docs/reports.md).
        breach('resolution', at);
        return outcomes;
      case eventType.closed:
        return outcomes;
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

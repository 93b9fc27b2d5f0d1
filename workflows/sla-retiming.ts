import type { BusinessCalendar } from '../domain/calendar/types';
import { timedTiers, type SlaPolicy, type TimedTier } from '../domain/sla';
import type { SlaChange, SlaRevisions } from '../domain/sla-rollout';
import { contracts } from './activity-proxies';
import { partsLeadMinutes } from './service-level';
import { haltClock, runClock, type SlaClock } from './sla-clock';
import type { EventDraft, TicketState } from './ticket-state';

export const heldRevisions = (policy: SlaPolicy): SlaRevisions =>
  policy.revisions ?? { policy: 0, calendar: 0 };

/** Whether a change is news to this ticket: its own policy or calendar, at a revision later than it holds. */
export function reachesTicket(state: TicketState, change: SlaChange): boolean {
  const { policy } = state.sla;
  const held = heldRevisions(policy);
  return change.kind === 'policy'
    ? change.id === policy.id && change.revision > held.policy
    : change.id === policy.calendar.id && change.revision > held.calendar;
}

/**
 * Re-times the ticket's clocks on the policy it reads now (a changed policy or calendar), from the minutes
 * already used: a running clock counts up to `at` on the old calendar and runs on from there on the new one;
 * a paused clock stays paused with its minutes; a breach already recorded stays recorded. A target from
 * elsewhere (a manager's frame, R20) is kept. Returns the timeline event, or nothing when the change is not
 * news to the ticket.
 */
export async function retimeClocks(state: TicketState, change: SlaChange, at: string): Promise<EventDraft[]> {
  if (state.stage === 'CLOSED' || !reachesTicket(state, change)) return [];
  const { sla } = state;
  const before = sla.policy;
  const after = await contracts.loadSlaPolicy({
    organization: state.intake.organization,
    at: state.receivedAt,
  });
  const targets = after.targets[state.priority];
  const share = after.atRiskShare;
  const move = (clock: SlaClock | null, target: number, clockShare = share) =>
    clock ? retimeClock(clock, before.calendar, after.calendar, target, clockShare, at) : undefined;

  await move(sla.response, targets.responseMinutes + partsLeadMinutes(state));
  await move(sla.resolution, targets.resolutionMinutes);
  const tier = timedTiers.includes(state.tier as TimedTier) ? (state.tier as TimedTier) : null;
  if (tier && sla.tier?.targetMinutes === before.tierMinutes[tier]) {
    await move(sla.tier, after.tierMinutes[tier], 1);
  }
  if (sla.onsite?.targetMinutes === before.onsiteResponseMinutes) {
    await move(sla.onsite, after.onsiteResponseMinutes);
  }
  sla.policy = after;
  const clock = (c: SlaClock | null) =>
    c && { status: c.status, targetMinutes: c.targetMinutes, usedMinutes: c.usedMinutes, dueAt: c.dueAt };
  const data = {
    change,
    policy: after.id,
    calendar: after.calendar.id,
    revisions: heldRevisions(after),
    clocks: { response: clock(sla.response), resolution: clock(sla.resolution), tier: clock(sla.tier) },
  };
  return [{ type: 'sla-retimed', actor: 'system', data }];
}

async function retimeClock(
  clock: SlaClock,
  from: BusinessCalendar,
  to: BusinessCalendar,
  target: number,
  share: number,
  at: string,
): Promise<void> {
  const wasRunning = clock.status === 'running';
  if (wasRunning) await haltClock(clock, from, at, 'paused');
  clock.targetMinutes = target;
  // A notice already sent holds while it is still true; a tighter target lets the agenda record the new one.
  clock.atRisk = clock.breached || (clock.atRisk && clock.usedMinutes >= target * share);
  if (wasRunning) await runClock(clock, to, share, at);
}

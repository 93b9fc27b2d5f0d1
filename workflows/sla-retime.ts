import { ApplicationFailure } from '@temporalio/workflow';
import type { SlaPolicy } from '../domain/sla';
import { contracts } from './activity-proxies';
import { failureTypes, type PolicyChange, type RetimeOutcome } from './messages';
import { haltClock, runClock, type SlaClock } from './sla-clock';
import type { EventDraft, TicketSla, TicketState } from './ticket-state';

const changeKey = (change: PolicyChange) => `${change.kind}:${change.id}@${change.revision}`;
/** Enough to recognise a retried batch; older keys belong to revisions long since applied. */
const keysKept = 10;

/** Refused, not failed: the rollout counts a ticket that closed or moved meanwhile as skipped. */
export function validateRetime(state: TicketState, change: PolicyChange): void {
  const on = change.kind === 'policy' ? state.sla.policy.id : state.sla.policy.calendar.id;
  if (state.stage === 'CLOSED' || on !== change.id) {
    const why = state.stage === 'CLOSED' ? 'is closed' : `is on ${change.kind} ${on}`;
    throw ApplicationFailure.nonRetryable(`ticket ${state.number} ${why}`, failureTypes.notOnPolicy);
  }
}

/**
 * Takes up the policy as the ticket's contract gives it now (the same read as at intake, so a contract's own
 * calendar and onsite promise still apply). Minutes used so far, on the old calendar, count against the new
 * targets; pauses stay uncounted; breaches and rungs already recorded stay. A tier frame the manager set (R20)
 * keeps its length; a policy frame is re-timed from its start on the new length.
 */
export async function retimeOnPolicy(
  state: TicketState,
  change: PolicyChange,
  at: string,
): Promise<{ outcome: RetimeOutcome; drafts: EventDraft[] }> {
  const { sla } = state;
  if (sla.retimedBy?.includes(changeKey(change))) return { outcome: 'unchanged', drafts: [] };
  const policy = await contracts.loadSlaPolicy({
    organization: state.intake.organization,
    at: state.receivedAt,
  });
  sla.retimedBy = [...(sla.retimedBy ?? []).slice(1 - keysKept), changeKey(change)];
  // A contract edited since intake may now name another policy: the ticket keeps the one it was opened on.
  if (policy.id !== sla.policy.id || JSON.stringify(policy) === JSON.stringify(sla.policy)) {
    return { outcome: 'unchanged', drafts: [] };
  }
  const before = targets(sla);
  const old = sla.policy;
  const clocks = [sla.response, sla.resolution, sla.tier, sla.onsite];
  const running = clocks.filter((clock): clock is SlaClock => clock?.status === 'running');
  for (const clock of running) await haltClock(clock, old.calendar, at, 'paused');
  sla.policy = policy;
  retarget(state, old, policy);
  for (const clock of running)
    await runClock(clock, policy.calendar, clock === sla.tier ? 1 : policy.atRiskShare, at);
  const data = {
    change: { kind: change.kind, id: change.id, revision: change.revision },
    before,
    after: targets(sla),
  };
  return { outcome: 'retimed', drafts: [{ type: 'sla-retimed', actor: change.actor, data }] };
}

function retarget(state: TicketState, old: SlaPolicy, policy: SlaPolicy): void {
  const { sla, priority, tier } = state;
  const was = old.targets[priority];
  const now = policy.targets[priority];
  // By the difference, so the parts' shipment lead time in the response target (R3) stays in it.
  sla.response.targetMinutes = Math.max(
    1,
    sla.response.targetMinutes + now.responseMinutes - was.responseMinutes,
  );
  sla.resolution.targetMinutes = Math.max(
    1,
    sla.resolution.targetMinutes + now.resolutionMinutes - was.resolutionMinutes,
  );
  if (sla.tier && tier !== 'MANAGER' && sla.tier.targetMinutes === old.tierMinutes[tier]) {
    sla.tier.targetMinutes = policy.tierMinutes[tier];
  }
  if (sla.onsite && sla.onsite.targetMinutes === old.onsiteResponseMinutes) {
    sla.onsite.targetMinutes = policy.onsiteResponseMinutes;
  }
}

function targets(sla: TicketSla) {
  return {
    calendarId: sla.policy.calendar.id,
    response: sla.response.targetMinutes,
    resolution: sla.resolution.targetMinutes,
    tierFrame: sla.tier?.targetMinutes ?? null,
    onsite: sla.onsite?.targetMinutes ?? null,
  };
}

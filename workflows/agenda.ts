import { acceptBySilence, awaitingCustomerVerdict } from './customer-testing';
import { deadline } from './business-deadline';
import { climbLadder, enterTier } from './escalation-ladder';
import { nextOverdueAt, remindOverdue } from './plan-control';
import { closeClocks } from './service-level';
import type { SlaClock } from './sla-clock';
import type { EventDraft, TicketSla, TicketState } from './ticket-state';

type ClockName = 'response' | 'resolution' | 'onsite';

export type Moment =
  | { at: number; kind: 'at-risk' | 'breached'; clock: ClockName }
  | {
      at: number;
      kind:
        | 'tier-frame-ended'
        | 'testing-silence'
        | 'status-update'
        | 'manager-reminder'
        | 'vendor-follow-up'
        | 'activity-overdue';
    };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Everything a ticket is waiting for in time, soonest first: the durable timers that replace a cron scan.
 * Each is an instant computed on the business calendar when its clock last changed. `among`: only those.
 */
export function nextMoment(
  state: TicketState,
  among: (moment: Moment) => boolean = () => true,
): Moment | undefined {
  const moments: Moment[] = [];
  const at = (iso: string | null | undefined) => (iso ? Date.parse(iso) : undefined);
  const push = (when: number | undefined, moment: DistributiveOmit<Moment, 'at'>) => {
    if (when !== undefined) moments.push({ ...moment, at: when } as Moment);
  };
  const { sla } = state;
  // R9: the silence counts from entering testing; its deadline is kept in state, so it survives continue-as-new.
  if (awaitingCustomerVerdict(state)) push(at(sla.testingDeadline), { kind: 'testing-silence' });
  if (state.stage !== 'CLOSED') {
    for (const clock of ['response', 'resolution', 'onsite'] as const) {
      const c = sla[clock];
      if (c?.status !== 'running') continue;
      if (!c.atRisk) push(at(c.atRiskAt), { kind: 'at-risk', clock });
      if (!c.breached) push(at(c.dueAt), { kind: 'breached', clock });
    }
    if (sla.tier?.status === 'running' && !sla.tier.breached)
      push(at(sla.tier.dueAt), { kind: 'tier-frame-ended' });
    // R17: while an unresolved incident carries the ticket, its status letters are the incident's updates.
    const carried = state.incident && !state.incident.resolvedAt;
    if (!sla.waitingOnClient && !carried) push(at(sla.nextStatusUpdateAt), { kind: 'status-update' });
    push(at(sla.manager?.nextReminderAt), { kind: 'manager-reminder' });
    if (state.stage === 'OPEN' || state.stage === 'ANALYSIS')
      push(at(sla.vendor?.nextFollowUpAt), { kind: 'vendor-follow-up' });
    push(at(nextOverdueAt(state)), { kind: 'activity-overdue' });
  }
  return moments.filter(among).sort((a, b) => a.at - b.at)[0];
}

/** What happens when a moment arrives; recorded at the moment itself, so SLA times are exact. */
export async function fireMoment(state: TicketState, moment: Moment): Promise<EventDraft[]> {
  const at = new Date(moment.at).toISOString();
  if (moment.kind === 'testing-silence') {
    const drafts = acceptBySilence(state, at);
    await closeClocks(state, at);
    return drafts;
  }
  const { sla } = state;
  const { contacts } = sla.policy;
  const watchers = [
    state.assignee,
    contacts.tierLeads[state.tier === 'MANAGER' ? 'ONSITE' : state.tier],
  ].filter((to): to is string => !!to);
  switch (moment.kind) {
    case 'activity-overdue':
      return remindOverdue(state, at);
    case 'at-risk':
    case 'breached': {
      const clock = sla[moment.clock] as SlaClock;
      clock.atRisk = true;
      clock.breached ||= moment.kind === 'breached';
      const data = { clock: moment.clock, dueAt: clock.dueAt, targetMinutes: clock.targetMinutes };
      const kind = moment.kind === 'at-risk' ? 'sla-at-risk' : 'sla-breached';
      return [{ type: kind, actor: 'system', data, notify: kind, notifyTo: watchers }];
    }
    case 'tier-frame-ended': {
      const frame = sla.tier;
      if (!frame) return [];
      frame.breached = true;
      const reason = `${state.tier} time frame of ${frame.targetMinutes} business minutes ran out unresolved`;
      return [...climbLadder(state, 'system', reason, true), ...(await enterTier(state, at))];
    }
    case 'status-update': {
      const update = statusUpdate(state, sla, at);
      const interval = sla.policy.targets[state.priority].statusUpdateMinutes;
      sla.nextStatusUpdateAt = interval === null ? null : await deadline(sla, at, interval);
      return [update];
    }
    case 'manager-reminder': {
      const { manager } = sla;
      if (!manager) return [];
      manager.reminders += 1;
      manager.nextReminderAt = await deadline(sla, at, sla.policy.managerReminderMinutes);
      return [
        {
          type: 'manager-reminded',
          actor: 'system',
          data: { reminders: manager.reminders, waitingSince: manager.since },
          notify: 'manager-reminder',
          notifyTo: [contacts.manager],
        },
      ];
    }
    case 'vendor-follow-up': {
      const { vendor } = sla;
      if (!vendor) return [];
      vendor.followUps += 1;
      vendor.nextFollowUpAt = await deadline(sla, at, sla.policy.vendorFollowUpMinutes);
      return [
        {
          type: 'vendor-follow-up-due',
          actor: 'system',
          data: { caseRef: vendor.caseRef, followUps: vendor.followUps },
          notify: 'vendor-follow-up',
          notifyTo: [state.assignee ?? contacts.manager],
        },
      ];
    }
  }
}

function statusUpdate(state: TicketState, sla: TicketSla, at: string): EventDraft {
  sla.statusUpdatesSent += 1;
  const data = {
    stage: state.stage,
    tier: state.tier,
    assignee: state.assignee,
    resolutionDue: sla.resolution.dueAt,
    at,
  };
  return { type: 'status-update-sent', actor: 'system', data, notify: 'status-update' };
}

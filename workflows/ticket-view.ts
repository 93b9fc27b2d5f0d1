import type { TicketSnapshot, TicketView } from '../domain/ticket-view';
import { slaView } from './sla-view';
import type { OpenTicketInput, TicketState } from './ticket-state';

/** The ticket as its query and updates answer it; the state's own shape stays inside the workflow. */
export function ticketView(state: TicketState, allowedActions: string[]): TicketView {
  return {
    number: state.number,
    stage: state.stage,
    tier: state.tier,
    priority: state.priority,
    assignee: state.assignee,
    organization: state.intake.organization,
    channel: state.intake.channel,
    receivedAt: state.receivedAt,
    stageEnteredAt: state.stageEnteredAt,
    solution: state.solution,
    verification: state.verification,
    resolution: state.resolution,
    sla: slaView(state.sla),
    plan: state.plan ?? null,
    incident: state.incident ?? null,
    allowedActions,
  };
}

/** The view and what the projection stores besides it. */
export function ticketSnapshot(state: TicketState, allowedActions: string[]): TicketSnapshot {
  const { held } = state;
  return {
    ...ticketView(state, allowedActions),
    intake: state.intake,
    held: held ? { reason: held.reason, detail: held.detail, since: held.since } : null,
    version: state.version,
  };
}

/** The ticket as received, in the moments before its service level opens: nobody can act on it yet. */
export function receivedView(input: OpenTicketInput): TicketView {
  return {
    number: input.number,
    stage: 'OPEN',
    tier: 'TIER_1',
    priority: input.priority,
    assignee: null,
    organization: input.intake.organization,
    channel: input.intake.channel,
    receivedAt: input.receivedAt,
    stageEnteredAt: { OPEN: input.receivedAt },
    solution: null,
    verification: null,
    resolution: null,
    sla: null,
    plan: null,
    incident: null,
    allowedActions: [],
  };
}

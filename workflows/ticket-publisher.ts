import {
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { TicketActivities } from '../activities';
import type { TicketSnapshot } from '../activities/ticket-projection';
import { ticketSearchAttributes } from './search-attributes';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { slaState, slaView } from './sla-view';
import { recordSurvivingDataFaults } from './projection-fault';
import { currentDetails } from './ticket-summary';
import { allowedActions } from './transitions';
import { recordEvent, type EventDraft, type TicketState } from './ticket-state';

const projectionOptions = {
  startToCloseTimeout: '30 seconds',
  // A database outage delays the projection; it never loses a change, so retry without limit.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
} as const;

const asActivity = proxyActivities<TicketActivities>(projectionOptions);
// Tickets opened while the projection ran inside the workflow task replay it so; see projectionAfterHistory.
const asLocalActivity = proxyLocalActivities<TicketActivities>(projectionOptions);
const localProjectionPatch = 'projection-as-local-activity';
// A local activity writes before the workflow task that decided the change is recorded, so a server crash could
// leave PostgreSQL showing a change no history holds. Scheduled as an activity, the write runs only once the
// change and the command that carries it are in history.
const projectionAfterHistory = 'projection-after-history';
// Setting the details issues no command, so replays are safe either way; patched like every workflow change so
// a ticket's history tells which code wrote it.
const currentDetailsPatch = 'ticket-current-details';

/**
 * Makes a change visible outside the workflow: the search attributes managers filter by (R25)
 * and the PostgreSQL projection the API reads. Resolves once the projection is committed.
 */
export async function publishChange(state: TicketState, drafts: EventDraft[], at: string): Promise<void> {
  const events = drafts.map((draft) => recordEvent(state, draft, at));
  upsertSearchAttributes([
    { key: ticketSearchAttributes.TicketStage, value: state.stage },
    { key: ticketSearchAttributes.TicketTier, value: state.tier },
    { key: ticketSearchAttributes.TicketPriority, value: state.priority },
    ...serviceLevelAttributes(state),
  ]);
  showCurrentDetails(state);
  const { recordTicketChange } = projectionProxy();
  await recordSurvivingDataFaults(state, events, at, (written) =>
    recordTicketChange({ snapshot: snapshotOf(state), events: written }),
  );
}

function projectionProxy(): typeof asActivity {
  if (patched(projectionAfterHistory)) return asActivity;
  return patched(localProjectionPatch) ? asLocalActivity : asActivity;
}

/**
 * The Temporal UI shows these under "Current Details", asking the worker through the metadata query: they live
 * in the worker's memory, so a run continued as new sets them again before its first change.
 */
export function showCurrentDetails(state: TicketState): void {
  if (patched(currentDetailsPatch)) setCurrentDetails(currentDetails(state));
}

function snapshotOf(state: TicketState): TicketSnapshot {
  return {
    number: state.number,
    stage: state.stage,
    priority: state.priority,
    tier: state.tier,
    assignee: state.assignee,
    intake: state.intake,
    solution: state.solution,
    verification: state.verification,
    resolution: state.resolution,
    stageEnteredAt: state.stageEnteredAt,
    receivedAt: state.receivedAt,
    allowedActions: allowedActions(state),
    sla: slaView(state.sla),
    held: state.held
      ? { reason: state.held.reason, detail: state.held.detail, since: state.held.since }
      : null,
    version: state.version,
  };
}

/** Tickets opened before SLA clocks never carried these, so their recorded histories stay as they were. */
function serviceLevelAttributes(state: TicketState): SearchAttributeUpdatePair[] {
  if (!state.sla) return [];
  const due = state.sla.resolution.dueAt;
  return [
    { key: ticketSearchAttributes.SlaState, value: slaState(state.sla) },
    { key: ticketSearchAttributes.ResolutionDue, value: due ? new Date(due) : null },
    { key: ticketSearchAttributes.AssignedEngineer, value: state.assignee },
  ];
}

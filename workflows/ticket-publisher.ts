import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { projection } from './activity-proxies';
import { ticketSearchAttributes } from './search-attributes';
import { heldRevisions } from './sla-retiming';
import { slaState } from './sla-view';
import { recordSurvivingDataFaults } from './projection-fault';
import { currentDetails } from './ticket-summary';
import { allowedActions } from './transitions';
import { recordEvent, type EventDraft, type TicketState } from './ticket-state';
import { ticketSnapshot } from './ticket-view';

/**
 * Makes a change visible outside the workflow: the search attributes managers filter by (R25)
 * and the PostgreSQL projection the API reads. Resolves once the projection is committed.
 *
 * The projection is an activity scheduled with the change, not a local activity: it then writes only once the
 * change and the command that carries it are in history, so PostgreSQL never shows a change no history holds.
 * It hands the change's letters to the relay as well; `lettersSent: false` leaves them to the courier. A run
 * recorded before it could reads no `lettersSent`, so its replay schedules the courier as it did.
 */
export async function publishChange(
  state: TicketState,
  drafts: EventDraft[],
  at: string,
): Promise<{ lettersSent: boolean }> {
  const events = drafts.map((draft) => recordEvent(state, draft, at));
  showSearchAttributes(state);
  showCurrentDetails(state);
  return recordSurvivingDataFaults(state, events, at, (written) =>
    projection.recordTicketChange({
      snapshot: ticketSnapshot(state, allowedActions(state)),
      events: written,
      sendLetters: true,
    }),
  );
}

/**
 * Everything a change may move, in one upsert: one event in history per change, never one per attribute
 * family. The policy and calendar with their revisions are what a rollout finds tickets by; the incident is
 * the one a ticket is linked to, while it is.
 */
function showSearchAttributes(state: TicketState): void {
  const { policy, resolution } = state.sla;
  const revisions = heldRevisions(policy);
  upsertSearchAttributes([
    { key: ticketSearchAttributes.TicketStage, value: state.stage },
    { key: ticketSearchAttributes.TicketTier, value: state.tier },
    { key: ticketSearchAttributes.TicketPriority, value: state.priority },
    { key: ticketSearchAttributes.SlaState, value: slaState(state.sla) },
    {
      key: ticketSearchAttributes.ResolutionDue,
      value: resolution.dueAt ? new Date(resolution.dueAt) : null,
    },
    { key: ticketSearchAttributes.AssignedEngineer, value: state.assignee },
    { key: ticketSearchAttributes.SlaPolicy, value: policy.id },
    { key: ticketSearchAttributes.SlaCalendar, value: policy.calendar.id },
    { key: ticketSearchAttributes.SlaPolicyRevision, value: revisions.policy },
    { key: ticketSearchAttributes.SlaCalendarRevision, value: revisions.calendar },
    { key: ticketSearchAttributes.IncidentId, value: state.incident?.number ?? null },
  ]);
}

/**
 * The Temporal UI shows these under "Current Details", asking the worker through the metadata query: they live
 * in the worker's memory, so a run continued as new sets them again before its first change.
 */
export function showCurrentDetails(state: TicketState): void {
  setCurrentDetails(currentDetails(state));
}

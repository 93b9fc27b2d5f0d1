import { escalation } from './activity-proxies';
import type { EventDraft, TicketState } from './ticket-state';

/**
 * R20: at the manager decision point the request carries the complete details of all activity. Compiled
 * after the escalation itself is stored, so the dossier holds it too; then the manager is asked to decide.
 */
export async function fileDossierIfDue(state: TicketState): Promise<EventDraft[]> {
  const { manager, policy } = state.sla;
  if (!manager || manager.filed) return [];
  const summary = await escalation.compileManagerDossier({
    dossierId: manager.dossierId,
    ticketNumber: state.number,
  });
  manager.filed = true;
  return [
    {
      type: 'manager-decision-requested',
      actor: 'system',
      data: { ...summary, waitingSince: manager.since },
      notify: 'manager-decision-requested',
      notifyTo: [policy.contacts.manager],
    },
  ];
}

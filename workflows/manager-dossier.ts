import { proxyActivities } from '@temporalio/workflow';
import type { TicketActivities } from '../activities';
import type { EventDraft, TicketState } from './ticket-state';

const { compileManagerDossier } = proxyActivities<TicketActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * R20: at the manager decision point the request carries the complete details of all activity. Compiled
 * after the escalation itself is stored, so the dossier holds it too; then the manager is asked to decide.
 */
export async function fileDossierIfDue(state: TicketState): Promise<EventDraft[]> {
  const manager = state.sla?.manager;
  if (!manager || manager.filed) return [];
  const summary = await compileManagerDossier({ dossierId: manager.dossierId, ticketNumber: state.number });
  manager.filed = true;
  return [
    {
      type: 'manager-decision-requested',
      actor: 'system',
      data: { ...summary, waitingSince: manager.since },
      notify: 'manager-decision-requested',
      notifyTo: [state.sla!.policy.contacts.manager],
    },
  ];
}

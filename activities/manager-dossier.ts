import { ApplicationFailure } from '@temporalio/activity';
import { summarizeDossier, type DossierSummary, type ManagerDossier } from '../domain/manager-dossier';
import type { Db } from '../lib/db';
import { readTimeline } from '../lib/timeline';

export interface DossierRequest {
  /** Chosen by the workflow, one per visit to the decision point, so a retry finds the dossier it filed. */
  dossierId: string;
  ticketNumber: string;
}

export function createManagerDossierActivities(db: Db) {
  return {
    async compileManagerDossier({ dossierId, ticketNumber }: DossierRequest): Promise<DossierSummary> {
      const dossier = await compile(db, ticketNumber);
      await db('manager_dossiers')
        .insert({ id: dossierId, ticket_number: ticketNumber, dossier: JSON.stringify(dossier) })
        .onConflict('id')
        .ignore();
      // A retry keeps the first dossier: it is what the manager was asked to decide on.
      const filed = await db('manager_dossiers').where({ id: dossierId }).first('dossier');
      return summarizeDossier(dossierId, filed.dossier);
    },
  };
}

async function compile(db: Db, number: string): Promise<ManagerDossier> {
  const row = await db('tickets').where({ number }).first();
  if (!row)
    throw ApplicationFailure.nonRetryable(`ticket ${number} is not in the database`, 'TicketNotFound');
  const [events, letters, dispatches] = await Promise.all([
    readTimeline(db, number),
    db('outbox').where({ ticket_number: number }).orderBy('id'),
    db('dispatches as d')
      .join('field_engineers as e', 'e.id', 'd.engineer_id')
      .where('d.ticket_number', number)
      .orderBy(['d.created_at', 'd.id'])
      .select('d.*', 'e.name', 'e.email'),
  ]);
  return {
    compiledAt: new Date().toISOString(),
    ticket: {
      number: row.number,
      organization: row.organization,
      requesterEmail: row.requester_email,
      channel: row.channel,
      stage: row.stage,
      tier: row.tier,
      priority: row.priority,
      impact: row.impact,
      urgency: row.urgency,
      assignee: row.assignee,
      intake: row.intake,
      solution: row.solution,
      verification: row.verification,
      resolution: row.resolution,
      stageEnteredAt: row.stage_entered_at,
      sla: row.sla ?? null,
      plan: row.plan ?? null,
      planOverdue: row.plan_overdue,
      slaState: row.sla_state,
      responseDue: iso(row.response_due),
      resolutionDue: iso(row.resolution_due),
      waitingOnClient: row.waiting_on_client,
      receivedAt: iso(row.received_at),
      updatedAt: iso(row.updated_at),
      closedAt: iso(row.closed_at),
    },
    timeline: events,
    letters: letters.map((l) => ({
      kind: l.kind,
      recipient: l.recipient,
      eventSeq: l.payload.event?.seq ?? null,
      queuedAt: l.created_at.toISOString(),
      sentAt: iso(l.sent_at),
    })),
    dispatches: dispatches.map((d) => ({
      id: d.id,
      engineer: { id: d.engineer_id, name: d.name, email: d.email },
      appointmentAt: d.appointment_at.toISOString(),
      promiseDue: d.promise_due.toISOString(),
      createdAt: d.created_at.toISOString(),
    })),
  };
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

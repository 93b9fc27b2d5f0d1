import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { IncidentView } from '../domain/incident';
import type { Db } from '../lib/db';

export interface TellTickets {
  /** The incident's change, unique to it: the update's id on each ticket, so a retried batch joins the first. */
  change: string;
  tickets: string[];
  update: string;
  command: Record<string, unknown>;
}

export interface TicketAnswer {
  ticket: string;
  refused?: string;
}

/**
 * Carries one of an incident's changes to a batch of its tickets, each through the ticket's own update: each
 * ticket validates and records it in its own history, or refuses (closed, held, not in a stage that takes it).
 */
export function createIncidentActivities(db: Db) {
  return {
    async tellTickets({ change, tickets, update, command }: TellTickets): Promise<TicketAnswer[]> {
      const { client } = Context.current();
      return Promise.all(
        tickets.map(async (ticket): Promise<TicketAnswer> => {
          try {
            await client.workflow
              .getHandle(ticket)
              .executeUpdate(update, { args: [command], updateId: change });
            return { ticket };
          } catch (error) {
            const refused = refusal(error);
            if (refused === undefined) throw error;
            return { ticket, refused };
          }
        }),
      );
    },

    /** The dashboard's row of the incident; the highest version wins, so retries and reordering are safe. */
    async recordIncident(view: IncidentView): Promise<void> {
      await db('incidents')
        .insert({
          number: view.number,
          title: view.title,
          service: view.service,
          status: view.status,
          priority: view.priority,
          ticket_count: view.tickets.length,
          declared_at: view.declaredAt,
          updated_at: view.timeline.at(-1)?.at ?? view.declaredAt,
          view: JSON.stringify(view),
          version: view.version,
        })
        .onConflict('number')
        .merge()
        .where('incidents.version', '<', view.version);
    },
  };
}

function refusal(error: unknown): string | undefined {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    return error.cause.message;
  }
  // A closed ticket's workflow has completed: it takes nothing more.
  if (error instanceof WorkflowNotFoundError) return 'the ticket is closed';
  return undefined;
}

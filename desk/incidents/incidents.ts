import {
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { IncidentView } from '../../domain/incident';
import { incidentWorkflow } from '../../workflows';
import {
  failureTypes,
  incidentDeclaredUpdate,
  incidentUpdates,
  type IncidentCommandName,
  type IncidentCommands,
} from '../../workflows/messages';
import { withUpdateDeadline, type DeskContext } from '../context';
import { DeskError, type FieldError } from '../errors';
import { notAnsweredInTime } from '../temporal-errors';

export interface Declaration {
  title: string;
  impact: string;
  service: string;
}

/** An agent declares a major incident; it answers once the dashboard lists it. */
export async function declareIncident(
  ctx: DeskContext,
  declaration: Declaration,
  actor: string,
): Promise<IncidentView> {
  const { rows } = await ctx.db.raw(`SELECT 'INC-' || nextval('incident_number_seq') AS number`);
  const number = (rows[0] as { number: string }).number;
  const declare = {
    ...declaration,
    number,
    declaredBy: actor,
    declaredAt: new Date().toISOString(),
    historyLimit: ctx.historyLimit,
  };
  const startWorkflowOperation = new WithStartWorkflowOperation(incidentWorkflow, {
    workflowId: number,
    taskQueue: ctx.taskQueue,
    args: [{ declare }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    staticSummary: `${number} ${declaration.title}`,
    staticDetails: `Major incident on ${declaration.service}. ${declaration.impact}`,
  });
  return answered(ctx, number, () =>
    ctx.client.workflow.executeUpdateWithStart(incidentDeclaredUpdate, { startWorkflowOperation }),
  );
}

/** One of the incident's commands, decided by its workflow: refused before it is recorded, or done. */
export async function actOnIncident<C extends IncidentCommandName>(
  ctx: DeskContext,
  number: string,
  command: C,
  body: Omit<IncidentCommands[C], 'actor'>,
  actor: string,
): Promise<IncidentView> {
  const update = incidentUpdates[command] as UpdateDefinition<IncidentView, [IncidentCommands[C]]>;
  const args: [IncidentCommands[C]] = [{ ...body, actor } as IncidentCommands[C]];
  return answered(ctx, number, () => ctx.client.workflow.getHandle(number).executeUpdate(update, { args }));
}

/** Links a ticket the caller may see and the desk still works; the incident's workflow has the last word. */
export async function linkTicket(ctx: DeskContext, number: string, ticket: string, actor: string) {
  const row = await ctx.db('tickets').where({ number: ticket }).first('organization', 'stage');
  if (!row) throw DeskError.refused([{ field: 'ticket', message: `no ticket ${ticket}` }]);
  if (row.stage === 'CLOSED') throw DeskError.refused([{ field: 'ticket', message: `${ticket} is closed` }]);
  await ensureIncidentOpen(ctx, number);
  return actOnIncident(ctx, number, 'link', { ticket, organization: row.organization }, actor);
}

/** A resolved incident's workflow has ended: answer from the record rather than asking a finished run. */
export async function ensureIncidentOpen(ctx: DeskContext, number: string): Promise<void> {
  const row = await ctx.db('incidents').where({ number }).first('status');
  if (!row) throw DeskError.notFound(`incident ${number}`);
  if (row.status === 'resolved') throw DeskError.conflict(`${number} is resolved`, { status: 'resolved' });
}

async function answered<T>(ctx: DeskContext, number: string, call: () => Promise<T>): Promise<T> {
  try {
    return await withUpdateDeadline(ctx, call);
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const { type, message, details } = error.cause;
      if (type === failureTypes.invalidCommand) throw DeskError.invalid(details as FieldError[]);
      if (type === failureTypes.ticketRefused) {
        throw DeskError.refused([{ field: 'ticket', message }], message);
      }
      if (type === failureTypes.transitionNotAllowed) throw DeskError.conflict(message);
    }
    if (error instanceof WorkflowNotFoundError) throw DeskError.notFound(`incident ${number}`);
    if (notAnsweredInTime(error)) {
      // A command to many tickets may outlast the deadline and still be carried out: read before retrying.
      throw DeskError.unavailable(
        `the incident did not answer within ${ctx.updateDeadlineMs} ms; read it before trying again`,
      );
    }
    throw error;
  }
}

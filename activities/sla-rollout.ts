import { ApplicationFailure, Context } from '@temporalio/activity';
import { isGrpcServiceError } from '@temporalio/client';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes.js';
import type { SlaChange } from '../domain/sla-rollout';
import { ticketSearchAttributes } from '../workflows/search-attributes';

export interface RolloutPageRequest {
  change: SlaChange;
  /** When the change was stored: tickets closed since then were running when it landed. */
  changedAt: string;
  pageSize: number;
  /** From the previous page; null for the first. */
  pageToken: string | null;
}

export interface RolloutTicket {
  ticket: string;
  /** The revision of the changed policy or calendar the ticket is timed on; 0 when it carries none. */
  revision: number;
  closed: boolean;
}

export interface RolloutPage {
  tickets: RolloutTicket[];
  nextPageToken: string | null;
}

/**
 * The tickets a change reaches, found by search attribute in Temporal's visibility store: the workflows are
 * the source of truth, and a ticket the projection lags on is found all the same. One short call per page,
 * so a worker shutting down never waits on a rollout.
 */
export function createSlaRolloutActivities() {
  return {
    async listRolloutTickets({
      change,
      changedAt,
      pageSize,
      pageToken,
    }: RolloutPageRequest): Promise<RolloutPage> {
      const { client } = Context.current();
      const query = rolloutQuery(change, changedAt);
      const response = await client.workflowService
        .listWorkflowExecutions({
          namespace: client.options.namespace,
          query,
          pageSize,
          nextPageToken: pageToken ? Buffer.from(pageToken, 'base64') : undefined,
        })
        .catch((error: unknown) => {
          // A query the server refuses (an attribute not registered) stays refused: fail the rollout, visibly.
          if (isGrpcServiceError(error) && error.code === INVALID_ARGUMENT) {
            throw ApplicationFailure.nonRetryable(`${query}: ${error.details}`, 'RolloutQueryRefused');
          }
          throw error;
        });
      const revisionKey =
        change.kind === 'policy'
          ? ticketSearchAttributes.SlaPolicyRevision
          : ticketSearchAttributes.SlaCalendarRevision;
      const tickets = (response.executions ?? []).map((execution) => {
        const attributes = decodeTypedSearchAttributes(execution.searchAttributes?.indexedFields);
        return {
          ticket: execution.execution!.workflowId!,
          revision: Number(attributes.get(revisionKey) ?? 0),
          closed: execution.closeTime !== null && execution.closeTime !== undefined,
        };
      });
      const next = response.nextPageToken;
      return {
        tickets,
        nextPageToken: next && next.length > 0 ? Buffer.from(next).toString('base64') : null,
      };
    },
  };
}

const INVALID_ARGUMENT = 3;

export function rolloutQuery(change: SlaChange, changedAt: string): string {
  const key = change.kind === 'policy' ? 'SlaPolicy' : 'SlaCalendar';
  return (
    `WorkflowType = "ticketWorkflow" AND ${key} = ${JSON.stringify(change.id)} AND ` +
    `(ExecutionStatus = "Running" OR CloseTime >= "${changedAt}")`
  );
}

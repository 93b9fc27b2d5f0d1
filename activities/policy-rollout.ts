import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { failureTypes, retimeUpdate, ticketSearchAttributes, type PolicyChange } from '../workflows/messages';

export interface TicketPage {
  tickets: string[];
  /** Base64 of the server's page token; null on the last page. */
  nextPageToken: string | null;
}

export interface BatchOutcome {
  retimed: number;
  unchanged: number;
  skipped: number;
  failed: { ticket: string; error: string }[];
}

/** Tickets re-timed at once within a batch: the worker's update slots stay free for agents' commands. */
const concurrency = 20;

/** The fan-out of a policy change, through the worker's own Temporal client. */
export function createPolicyRolloutActivities() {
  return {
    /** Running tickets on the policy or calendar, as the search attributes the tickets keep say. */
    async findOpenTickets(request: {
      change: PolicyChange;
      pageToken: string | null;
      pageSize: number;
    }): Promise<TicketPage> {
      const { client } = Context.current();
      const { SlaPolicy, SlaCalendar } = ticketSearchAttributes;
      const attribute = request.change.kind === 'policy' ? SlaPolicy : SlaCalendar;
      const id = request.change.id.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
      const query = `WorkflowType = 'ticketWorkflow' AND ExecutionStatus = 'Running' AND ${attribute.name} = '${id}'`;
      const page = await client.workflowService.listWorkflowExecutions({
        namespace: client.options.namespace,
        query,
        pageSize: request.pageSize,
        nextPageToken: request.pageToken ? Buffer.from(request.pageToken, 'base64') : undefined,
      });
      const token = page.nextPageToken?.length ? Buffer.from(page.nextPageToken).toString('base64') : null;
      return { tickets: page.executions.map((e) => e.execution!.workflowId!), nextPageToken: token };
    },

    /** Sends each ticket the change; a batch retried after a crash re-times none twice (the update is idempotent). */
    async retimeTickets({
      change,
      tickets,
    }: {
      change: PolicyChange;
      tickets: string[];
    }): Promise<BatchOutcome> {
      const context = Context.current();
      const outcome: BatchOutcome = { retimed: 0, unchanged: 0, skipped: 0, failed: [] };
      const queue = [...tickets];
      const retimeNext = async (): Promise<void> => {
        for (let ticket = queue.shift(); ticket !== undefined; ticket = queue.shift()) {
          try {
            const handle = context.client.workflow.getHandle(ticket);
            // A worker shutting down cancels the batch; the updates it waits on would otherwise hold it open.
            const sent = () => handle.executeUpdate(retimeUpdate, { args: [change] });
            outcome[await context.client.withAbortSignal(context.cancellationSignal, sent)] += 1;
          } catch (error) {
            if (!refused(error)) throw error;
            if (notOnPolicy(error)) outcome.skipped += 1;
            else outcome.failed.push({ ticket, error: (error.cause as Error).message });
          }
          context.heartbeat();
        }
      };
      await Promise.all(Array.from({ length: concurrency }, retimeNext));
      return outcome;
    },
  };
}

/** The ticket answered (or is gone); anything else (a timeout, an outage) fails the batch, which is retried. */
function refused(error: unknown): error is WorkflowUpdateFailedError | WorkflowNotFoundError {
  return error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError;
}

function notOnPolicy(error: WorkflowUpdateFailedError | WorkflowNotFoundError): boolean {
  if (error instanceof WorkflowNotFoundError) return true;
  return error.cause instanceof ApplicationFailure && error.cause.type === failureTypes.notOnPolicy;
}

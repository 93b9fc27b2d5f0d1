import { continueAsNew, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import type { RolloutProgress, SlaChange } from '../domain/sla-rollout';
import type { RolloutTicket } from '../activities/sla-rollout';
import { rollouts } from './activity-proxies';
import { rolloutProgressQuery, slaChangedSignal } from './messages';

export interface RolloutInput {
  change: SlaChange;
  /** When the revision was stored (ISO 8601). */
  changedAt: string;
  /** Tickets listed per page, signalled in batches of `batchSize`; a run continues as new after `pagesPerRun`. */
  pageSize: number;
  batchSize: number;
  pagesPerRun: number;
  /** Carried over from the run before. */
  progress?: RolloutProgress;
  pageToken?: string | null;
}

/**
 * Rolls a policy or calendar change out to the tickets timed on it: pages through them by search attribute and
 * signals each batch at once; every ticket re-times itself, in its own history, once. Durable: a worker that dies
 * mid-rollout leaves the workflow where its history stands, and the next one goes on from there.
 */
export async function policyRolloutWorkflow(input: RolloutInput): Promise<RolloutProgress> {
  const { change, changedAt, pageSize, batchSize, pagesPerRun } = input;
  const progress: RolloutProgress = input.progress ?? {
    change,
    found: 0,
    retimed: 0,
    alreadyCurrent: 0,
    closedMeanwhile: 0,
    failed: 0,
    pages: 0,
    startedAt: workflowInfo().startTime.toISOString(),
    finishedAt: null,
    done: false,
  };
  setHandler(rolloutProgressQuery, () => progress);
  let pageToken = input.pageToken ?? null;
  for (let pages = 0; ; pages++) {
    if (pages === pagesPerRun) {
      await continueAsNew<typeof policyRolloutWorkflow>({ ...input, progress, pageToken });
    }
    const page = await rollouts.listRolloutTickets({ change, changedAt, pageSize, pageToken });
    progress.found += page.tickets.length;
    for (let i = 0; i < page.tickets.length; i += batchSize) {
      await Promise.all(
        page.tickets.slice(i, i + batchSize).map((ticket) => reach(ticket, change, progress)),
      );
    }
    progress.pages += 1;
    pageToken = page.nextPageToken;
    if (!pageToken) break;
  }
  progress.finishedAt = new Date().toISOString();
  progress.done = true;
  return progress;
}

async function reach(ticket: RolloutTicket, change: SlaChange, progress: RolloutProgress): Promise<void> {
  if (ticket.closed) {
    progress.closedMeanwhile += 1;
    return;
  }
  if (ticket.revision >= change.revision) {
    progress.alreadyCurrent += 1;
    return;
  }
  try {
    await getExternalWorkflowHandle(ticket.ticket).signal(slaChangedSignal, change);
    progress.retimed += 1;
  } catch (error) {
    // A ticket that closed after it was listed is not there to signal: its clocks had stopped anyway.
    if (error instanceof Error && /not found/i.test(error.message)) progress.closedMeanwhile += 1;
    else progress.failed += 1;
  }
}

import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { rollout } from './activity-proxies';
import { rolloutProgressQuery, type PolicyChange, type RolloutProgress } from './messages';

export interface PolicyRolloutInput {
  change: PolicyChange;
  /** Tickets listed and re-timed per batch. */
  batchSize?: number;
  /** Carried through continue-as-new: where the previous run stopped. */
  progress?: RolloutProgress;
  pageToken?: string | null;
}

/** Failed tickets listed by name; beyond this the progress only counts them, so it stays small. */
const failuresListed = 50;
/** Each batch adds a handful of events; long before the server's limit a fresh run carries on. */
const historyLimit = 2_000;

/**
 * Takes an admin's policy or calendar change to every running ticket on it, a batch at a time. Being a
 * workflow it resumes where it stopped after a worker crash; a batch interrupted midway is sent again, which
 * the tickets' idempotent `retime` update makes harmless.
 */
export async function policyRolloutWorkflow(input: PolicyRolloutInput): Promise<RolloutProgress> {
  const { change } = input;
  const batchSize = input.batchSize ?? 100;
  const progress: RolloutProgress = input.progress ?? {
    change,
    status: 'running',
    found: 0,
    retimed: 0,
    unchanged: 0,
    skipped: 0,
    failed: [],
    startedAt: new Date().toISOString(),
    finishedAt: null,
  };
  setHandler(rolloutProgressQuery, () => progress);
  let pageToken = input.pageToken ?? null;
  do {
    const page = await rollout.findOpenTickets({ change, pageToken, pageSize: batchSize });
    progress.found += page.tickets.length;
    if (page.tickets.length > 0) {
      const batch = await rollout.retimeTickets({ change, tickets: page.tickets });
      progress.retimed += batch.retimed;
      progress.unchanged += batch.unchanged;
      progress.skipped += batch.skipped;
      progress.failed = [...progress.failed, ...batch.failed].slice(0, failuresListed);
    }
    pageToken = page.nextPageToken;
    const { continueAsNewSuggested, historyLength } = workflowInfo();
    if (pageToken && (continueAsNewSuggested || historyLength >= historyLimit)) {
      await continueAsNew<typeof policyRolloutWorkflow>({ change, batchSize, progress, pageToken });
    }
  } while (pageToken);
  progress.status = 'done';
  progress.finishedAt = new Date().toISOString();
  return progress;
}

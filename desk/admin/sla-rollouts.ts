import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  applyToChoices,
  defaultRolloutSizes,
  rolloutWorkflowId,
  type ApplyTo,
  type RolloutProgress,
  type RolloutSizes,
  type SlaChange,
} from '../../domain/sla-rollout';
import { rolloutProgressQuery } from '../../workflows/messages';
import type { policyRolloutWorkflow } from '../../workflows/policy-rollout';
import { withUpdateDeadline, type DeskContext } from '../context';
import { DeskError } from '../errors';
import { notAnsweredInTime } from '../temporal-errors';

export type RolloutContext = Pick<DeskContext, 'client' | 'taskQueue' | 'updateDeadlineMs'> & {
  rolloutSizes?: RolloutSizes;
};

/**
 * Takes `applyTo` off a calendar or policy body: it says who the change reaches, not what it is. `revision` is
 * the store's to count; a body sent back as it was listed carries it, and it is dropped.
 */
export function takeApplyTo(body: unknown): { applyTo: ApplyTo; definition: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { applyTo: 'new', definition: body };
  const definition: Record<string, unknown> = { ...body };
  const applyTo = definition.applyTo ?? 'new';
  delete definition.applyTo;
  delete definition.revision;
  if (!applyToChoices.includes(applyTo as ApplyTo)) {
    throw DeskError.invalid([{ field: 'applyTo', message: 'must be "new" or "running"' }]);
  }
  return { applyTo: applyTo as ApplyTo, definition };
}

export interface RolloutStarted {
  revision: number;
  /** Where an admin reads how far it got. */
  progress: string;
}

/**
 * Starts rolling a stored revision out to the running tickets timed on it. The workflow id names the revision,
 * so a second request for the same revision is the rollout already under way (or done), not another one.
 */
export async function rollOut(
  ctx: Partial<RolloutContext>,
  change: SlaChange,
  changedAt: string,
): Promise<RolloutStarted> {
  const { client, taskQueue } = ctx;
  const started = { revision: change.revision, progress: progressPath(change) };
  if (!client || !taskQueue) throw DeskError.unavailable('rollouts need the Temporal connection of the API');
  try {
    await client.workflow.start<typeof policyRolloutWorkflow>('policyRolloutWorkflow', {
      workflowId: rolloutWorkflowId(change),
      taskQueue,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [{ change, changedAt, ...(ctx.rolloutSizes ?? defaultRolloutSizes) }],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return started;
    if (notAnsweredInTime(error)) {
      throw DeskError.unavailable(
        `revision ${change.revision} is stored but its rollout did not start; send the same request again`,
      );
    }
    throw error;
  }
  return started;
}

export function progressPath(change: SlaChange): string {
  const collection = change.kind === 'policy' ? 'sla-policies' : 'calendars';
  return `/admin/${collection}/${encodeURIComponent(change.id)}/rollouts/${change.revision}`;
}

/** How far a rollout got: its result once done, else what the running workflow answers. */
export async function rolloutProgress(ctx: RolloutContext, change: SlaChange): Promise<RolloutProgress> {
  const handle = ctx.client.workflow.getHandle<typeof policyRolloutWorkflow>(rolloutWorkflowId(change));
  try {
    return await withUpdateDeadline(ctx as DeskContext, async () => {
      const { status } = await handle.describe();
      return status.name === 'COMPLETED' ? await handle.result() : await handle.query(rolloutProgressQuery);
    });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError)
      throw DeskError.notFound(`rollout of revision ${change.revision}`);
    if (notAnsweredInTime(error)) throw DeskError.unavailable('no worker answered in time; try again');
    throw error;
  }
}

import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { policyRolloutWorkflow } from '../../workflows';
import {
  rolloutProgressQuery,
  rolloutWorkflowId,
  type PolicyChange,
  type RolloutProgress,
} from '../../workflows/messages';
import { withUpdateDeadline, type DeskContext } from '../context';
import { DeskError, parseOrThrow } from '../errors';
import { notAnsweredInTime } from '../temporal-errors';

type RolloutContext = Pick<DeskContext, 'client' | 'taskQueue' | 'updateDeadlineMs'>;

const applyToSchema = z.strictObject({
  applyTo: z.enum(['new', 'running'], { error: 'must be "new" (tickets opened from now on) or "running"' }),
});

/** Splits `applyTo` off a policy or calendar body; "new", today's behaviour, when left out. */
export function takeApplyTo(body: unknown): { applyTo: 'new' | 'running'; body: unknown } {
  if (typeof body !== 'object' || body === null || !('applyTo' in body)) return { applyTo: 'new', body };
  const { applyTo, ...rest } = body as Record<string, unknown>;
  return { ...parseOrThrow(applyToSchema, { applyTo }), body: rest };
}

export interface RolloutRef {
  id: string;
  revision: number;
}

/** Starts the rollout of a stored revision, or finds it started: sending the same change again is safe. */
export async function startRollout(ctx: RolloutContext, change: PolicyChange): Promise<RolloutRef> {
  const id = rolloutWorkflowId(change);
  try {
    await withUpdateDeadline(ctx, () =>
      ctx.client.workflow.start(policyRolloutWorkflow, {
        workflowId: id,
        taskQueue: ctx.taskQueue,
        args: [{ change }],
      }),
    );
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw unavailable(error, ctx);
  }
  return { id, revision: change.revision };
}

/** A rollout's progress: asked of the running workflow, or its result once done. */
export async function readRollout(
  ctx: RolloutContext,
  change: Pick<PolicyChange, 'kind' | 'id' | 'revision'>,
): Promise<RolloutProgress> {
  const handle = ctx.client.workflow.getHandle(rolloutWorkflowId(change));
  try {
    return await withUpdateDeadline(ctx, async () => {
      const { status } = await handle.describe();
      return status.name === 'RUNNING' ? handle.query(rolloutProgressQuery) : handle.result();
    });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      throw DeskError.notFound(`rollout of ${change.kind} ${change.id} revision ${change.revision}`);
    }
    throw unavailable(error, ctx);
  }
}

function unavailable(error: unknown, ctx: RolloutContext): unknown {
  return notAnsweredInTime(error)
    ? DeskError.unavailable(
        `Temporal did not answer within ${ctx.updateDeadlineMs} ms; send the change again`,
      )
    : error;
}

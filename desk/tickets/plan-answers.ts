import { z } from 'zod';
import type { WorkPlan } from '../../domain/work-plan';
import { verifyLinkToken } from '../../mail/signed-links';
import type { DeskContext } from '../context';
import { DeskError } from '../errors';
import { performAction } from './actions';

export const planAnswerSchema = z.discriminatedUnion(
  'answer',
  [
    z.strictObject({ answer: z.literal('approve'), note: z.string().trim().max(5000).optional() }),
    z.strictObject({
      answer: z.literal('decline'),
      reason: z
        .string({ error: (i) => (i.input === undefined ? 'required when declining' : 'must be text') })
        .trim()
        .min(1, 'required when declining')
        .max(5000, 'at most 5000 characters'),
    }),
  ],
  { error: 'one of approve, decline' },
);
export type PlanAnswer = z.infer<typeof planAnswerSchema>;

export interface PlanLinkView {
  ticketNumber: string;
  affected: string;
  plan: WorkPlan;
}

/**
 * The plan a letter's signed link opens (R8). The link names the plan's revision: once the plan is redrafted,
 * the old letter's link opens nothing, so a client never approves a plan they were not shown.
 */
export async function openPlanLink(ctx: DeskContext, token: string): Promise<PlanLinkView> {
  const number = token.split('.')[0] ?? '';
  const row = await ctx.db('tickets').where({ number }).first('intake', 'plan');
  const revision = (row?.plan as WorkPlan | null)?.revision;
  const verified = verifyLinkToken(ctx.linkSecret, 'plan', token, () => String(revision ?? ''));
  if (!row?.plan || !verified) {
    throw DeskError.forbidden('this link is not valid, or the plan it proposed has since been redrafted');
  }
  return { ticketNumber: number, affected: row.intake.affected, plan: row.plan };
}

/** The requester's answer through the link, recorded only on a POST: mail scanners open links too. */
export async function answerPlanLink(
  ctx: DeskContext,
  token: string,
  answer: PlanAnswer,
): Promise<PlanLinkView> {
  const link = await openPlanLink(ctx, token);
  if (link.plan.status !== 'awaiting-approval') {
    throw DeskError.conflict(`this plan has already been ${link.plan.status}`);
  }
  const requester = await ctx.db('tickets').where({ number: link.ticketNumber }).first('requester_email');
  const [number, actor] = [link.ticketNumber, requester.requester_email as string];
  const outcome =
    answer.answer === 'approve'
      ? await performAction(ctx, number, 'approve-plan', { channel: 'link', note: answer.note }, actor)
      : await performAction(ctx, number, 'decline-plan', { channel: 'link', reason: answer.reason }, actor);
  if (outcome.pending) throw DeskError.unavailable('the answer was not confirmed in time; try again');
  return { ...link, plan: outcome.ticket.plan ?? link.plan };
}

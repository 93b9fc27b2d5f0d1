import { z } from 'zod';
import { verifyLinkToken } from '../../mail/signed-links';
import type { DeskContext } from '../context';
import { DeskError } from '../errors';

export const csatAnswerSchema = z.strictObject({
  score: z.coerce
    .number({ error: 'a whole number from 1 to 5' })
    .int('a whole number from 1 to 5')
    .min(1, 'a whole number from 1 to 5')
    .max(5, 'a whole number from 1 to 5'),
  comment: z.string({ error: 'must be text' }).trim().max(5000, 'at most 5000 characters').optional(),
});

export type CsatAnswer = z.infer<typeof csatAnswerSchema>;

export interface CsatSurvey {
  ticketNumber: string;
  affected: string;
  answered: { score: number; comment: string | null; submittedAt: string } | null;
}

/** The survey a signed link opens (R13); a link the desk did not sign is refused. */
export async function openCsatSurvey(ctx: DeskContext, token: string): Promise<CsatSurvey> {
  const ticketNumber = verifyLinkToken(ctx.linkSecret, 'csat', token);
  if (!ticketNumber) throw DeskError.forbidden('this survey link is not valid');
  const ticket = await ctx.db('tickets').where({ number: ticketNumber }).first('stage', 'intake');
  if (!ticket || ticket.stage !== 'CLOSED') throw DeskError.forbidden('this survey link is not valid');
  return { ticketNumber, affected: ticket.intake.affected, answered: await csatOf(ctx, ticketNumber) };
}

/** One answer per ticket: the link cannot be used again, by the requester or by anyone it was forwarded to. */
export async function answerCsatSurvey(
  ctx: DeskContext,
  token: string,
  answer: CsatAnswer,
): Promise<CsatSurvey> {
  const survey = await openCsatSurvey(ctx, token);
  await recordCsat(ctx, survey.ticketNumber, answer);
  return openCsatSurvey(ctx, token);
}

/** R13 in the portal: the requester who reported the ticket rates it once it is closed, once, as the link would. */
export async function answerCsatOnTicket(
  ctx: DeskContext,
  ticketNumber: string,
  requester: string,
  answer: CsatAnswer,
) {
  const ticket = await ctx.db('tickets').where({ number: ticketNumber }).first('stage', 'requester_email');
  if (!ticket) throw DeskError.notFound(`ticket ${ticketNumber}`);
  if (ticket.requester_email.toLowerCase() !== requester.toLowerCase()) {
    throw DeskError.forbidden('only the requester who reported the ticket rates it');
  }
  if (ticket.stage !== 'CLOSED') throw DeskError.conflict('the survey opens once the ticket is closed');
  await recordCsat(ctx, ticketNumber, answer);
  return csatOf(ctx, ticketNumber);
}

export async function csatOf(ctx: Pick<DeskContext, 'db'>, ticketNumber: string) {
  const row = await ctx.db('csat_responses').where({ ticket_number: ticketNumber }).first();
  return row
    ? {
        score: row.score as number,
        comment: row.comment as string | null,
        submittedAt: row.submitted_at.toISOString() as string,
      }
    : null;
}

async function recordCsat(ctx: DeskContext, ticketNumber: string, answer: CsatAnswer): Promise<void> {
  const inserted = await ctx
    .db('csat_responses')
    .insert({ ticket_number: ticketNumber, score: answer.score, comment: answer.comment || null })
    .onConflict('ticket_number')
    .ignore()
    .returning('submitted_at');
  if (inserted.length === 0) throw DeskError.conflict('this survey has already been answered');
}

import express, { Router } from 'express';
import { z } from 'zod';
import { allow, authenticate, principalOf } from '../access';
import { ensureTicketVisible } from '../../desk/access';
import type { DeskContext } from '../../desk/context';
import {
  answerCsatOnTicket,
  answerCsatSurvey,
  csatAnswerSchema,
  openCsatSurvey,
} from '../../desk/correspondence/csat';
import { csatPage } from './csat-page';
import { HttpError, parseOrThrow } from '../errors';
import { confirmedOrUnavailable, replyToTicket } from '../../desk/correspondence/replies';
import { rememberTicket } from '../request-log';
import { refuseUnsafeText } from '../text-guard';
import { attachFiles, listAttachments } from '../../desk/correspondence/attachments';
import { ATTACHMENT_MAX_BYTES_DEFAULT } from '../../lib/config';
import { fileUploads } from './uploads';

export const replySchema = z.strictObject({
  message: z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, 'required')
    .max(20_000, 'at most 20000 characters'),
});

const attachmentId = z.coerce.number({ error: 'an attachment id' }).int().positive('an attachment id');

/** The ticket's conversation with the requester (R7, R13), its attachments, and the CSAT survey links. */
export function correspondenceRoutes(ctx: DeskContext): Router {
  const router = Router();
  const signedIn = authenticate(ctx.db);
  const onTicket = allow('requester', 'agent', 'manager');
  router.param('number', rememberTicket);

  router.post('/tickets/:number/replies', signedIn, onTicket, async (req, res) => {
    const principal = principalOf(res);
    await ensureTicketVisible(ctx.db, principal, req.params.number);
    const { message } = parseOrThrow(replySchema, req.body ?? {});
    const outcome = confirmedOrUnavailable(
      await replyToTicket(ctx, req.params.number, { actor: principal.email, message, channel: 'portal' }),
      ctx.updateDeadlineMs,
    );
    res.status(outcome.recorded === 'reply' ? 200 : 202).json(outcome);
  });

  router.get('/tickets/:number/attachments', signedIn, onTicket, async (req, res) => {
    await ensureTicketVisible(ctx.db, principalOf(res), req.params.number);
    res.json({ items: await listAttachments(ctx.db, req.params.number) });
  });

  const receiveFiles = fileUploads(ctx.attachmentMaxBytes ?? ATTACHMENT_MAX_BYTES_DEFAULT);
  router.post('/tickets/:number/attachments', signedIn, onTicket, async (req, res) => {
    await ensureTicketVisible(ctx.db, principalOf(res), req.params.number);
    const files = await receiveFiles(req, res);
    res.status(201).json({ items: await attachFiles(ctx.db, req.params.number, files) });
  });

  router.get('/tickets/:number/attachments/:id', signedIn, onTicket, async (req, res) => {
    await ensureTicketVisible(ctx.db, principalOf(res), req.params.number);
    const id = parseOrThrow(attachmentId, req.params.id, 'id');
    const file = await ctx.db('ticket_attachments').where({ ticket_number: req.params.number, id }).first();
    if (!file) throw HttpError.notFound(`attachment ${id}`);
    res.type(file.content_type).attachment(file.filename).send(file.content);
  });

  router.post('/tickets/:number/csat', signedIn, allow('requester'), async (req, res) => {
    await ensureTicketVisible(ctx.db, principalOf(res), req.params.number);
    const answer = parseOrThrow(csatAnswerSchema, req.body ?? {});
    res.status(201).json(await answerCsatOnTicket(ctx, req.params.number, principalOf(res).email, answer));
  });

  // A 5000-character comment is up to 45 KB once percent-encoded (nine bytes a character).
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  router.get('/csat/:token', async (req, res) => {
    const survey = await openCsatSurvey(ctx, req.params.token);
    const score = csatAnswerSchema.shape.score.safeParse(req.query.score);
    res.type('html').send(csatPage(survey, score.success ? score.data : undefined));
  });

  router.post('/csat/:token', form, refuseUnsafeText, async (req, res) => {
    const answer = parseOrThrow(csatAnswerSchema, req.body ?? {});
    const survey = await answerCsatSurvey(ctx, req.params.token, answer);
    if (req.is('application/json')) res.status(201).json(survey);
    else res.status(201).type('html').send(csatPage(survey, answer.score));
  });

  return router;
}

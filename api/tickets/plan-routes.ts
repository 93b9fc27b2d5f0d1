import express, { Router } from 'express';
import type { DeskContext } from '../../desk/context';
import { answerPlanLink, openPlanLink, planAnswerSchema } from '../../desk/tickets/plan-answers';
import { parseOrThrow } from '../errors';
import { refuseUnsafeText } from '../text-guard';
import { planPage } from './plan-page';

/** The signed one-click links of a plan letter (R8): a page to open, an answer recorded only when posted. */
export function planLinkRoutes(ctx: DeskContext): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  router.get('/plans/:token', async (req, res) => {
    const view = await openPlanLink(ctx, req.params.token);
    const answer =
      req.query.answer === 'approve' || req.query.answer === 'decline' ? req.query.answer : undefined;
    res.type('html').send(planPage(view, answer));
  });

  router.post('/plans/:token', form, refuseUnsafeText, async (req, res) => {
    const body = { ...(req.body ?? {}) };
    // A form sends an empty reason when the client approves; it means none.
    if (body.answer === 'approve' || body.reason === '') delete body.reason;
    const answer = parseOrThrow(planAnswerSchema, body);
    const view = await answerPlanLink(ctx, req.params.token, answer);
    if (req.is('application/json')) res.status(201).json(view);
    else res.status(201).type('html').send(planPage(view, answer.answer));
  });

  return router;
}

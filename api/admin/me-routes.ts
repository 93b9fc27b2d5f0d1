import { Router } from 'express';
import { authenticate, principalOf } from '../access';
import type { DeskContext } from '../../desk/context';

/** Who the token belongs to: a client learns its role, organization and agent kind here. */
export function meRoutes(ctx: Pick<DeskContext, 'db'>): Router {
  const router = Router();

  router.get('/me', authenticate(ctx.db), (_req, res) => {
    res.json(principalOf(res));
  });

  return router;
}

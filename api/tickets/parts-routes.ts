import { Router } from 'express';
import { allow, authenticate } from '../access';
import type { DeskContext } from '../../desk/context';
import { listParts } from '../../desk/tickets/parts-catalog';

/** R3: the parts catalog, so a requester can name part numbers and see how long each warehouse takes. */
export function partsRoutes(ctx: Pick<DeskContext, 'db'>): Router {
  const router = Router();

  router.get('/parts', authenticate(ctx.db), allow('requester', 'agent', 'manager'), async (_req, res) => {
    res.json({ items: await listParts(ctx.db) });
  });

  return router;
}

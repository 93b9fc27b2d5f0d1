import { Router } from 'express';
import type { ApiContext } from '../context';
import { listParts } from '../parts-catalog';

/** R3: the parts catalog, so a requester can name part numbers and see how long each warehouse takes. */
export function partsRoutes(ctx: Pick<ApiContext, 'db'>): Router {
  const router = Router();

  router.get('/parts', async (_req, res) => {
    res.json({ items: await listParts(ctx.db) });
  });

  return router;
}

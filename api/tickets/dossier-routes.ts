import { Router } from 'express';
import { findDossiers } from '../../desk/tickets/dossiers';
import { allow, authenticate } from '../access';
import type { DeskContext } from '../../desk/context';
import { HttpError } from '../errors';
import { rememberTicket } from '../request-log';

/** The dossiers filed for the IT manager at the decision point (R20), oldest first. */
export function dossierRoutes(ctx: Pick<DeskContext, 'db'>): Router {
  const router = Router();
  router.param('number', rememberTicket);

  router.get('/tickets/:number/dossiers', authenticate(ctx.db), allow('manager'), async (req, res) => {
    const dossiers = await findDossiers(ctx.db, req.params.number);
    if (!dossiers) throw HttpError.notFound(`ticket ${req.params.number}`);
    res.json({ items: dossiers });
  });

  return router;
}

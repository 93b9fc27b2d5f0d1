import { Router } from 'express';
import { listCalendars, listSlaPolicies, replaceCalendar, replaceSlaPolicy } from '../../desk/admin/policies';
import type { DeskContext } from '../../desk/context';

/** Business calendars and SLA policies (R16–R21), as data; admins only. PUT creates (201) or replaces (200). */
export function adminPolicyRoutes(ctx: Pick<DeskContext, 'db'>): Router {
  const router = Router();

  router.get('/admin/calendars', async (_req, res) => {
    res.json({ items: await listCalendars(ctx.db) });
  });

  router.put('/admin/calendars/:id', async (req, res) => {
    const { created, item } = await replaceCalendar(ctx.db, req.params.id, req.body);
    res.status(created ? 201 : 200).json(item);
  });

  router.get('/admin/sla-policies', async (_req, res) => {
    res.json({ items: await listSlaPolicies(ctx.db) });
  });

  router.put('/admin/sla-policies/:id', async (req, res) => {
    const { created, item } = await replaceSlaPolicy(ctx.db, req.params.id, req.body);
    res.status(created ? 201 : 200).json(item);
  });

  return router;
}

import { Router, type Response } from 'express';
import { listCalendars, listSlaPolicies, replaceCalendar, replaceSlaPolicy } from '../../desk/admin/policies';
import { readRollout, startRollout, takeApplyTo } from '../../desk/admin/policy-rollouts';
import type { DeskContext } from '../../desk/context';
import { principalOf } from '../access';
import { HttpError } from '../errors';

export type PolicyRoutesContext = Pick<DeskContext, 'db' | 'client' | 'taskQueue' | 'updateDeadlineMs'>;
type Kind = 'policy' | 'calendar';

/**
 * Business calendars and SLA policies (R16–R21), as data; admins only. PUT creates (201) or replaces (200);
 * with `applyTo: "running"` it also starts the rollout that re-times the open tickets on it.
 */
export function adminPolicyRoutes(ctx: PolicyRoutesContext): Router {
  const router = Router();

  const answer = async (res: Response, kind: Kind, id: string, applyTo: string, stored: Stored) => {
    const { created, item, revision } = stored;
    if (applyTo === 'new') return void res.status(created ? 201 : 200).json(item);
    const actor = principalOf(res).email;
    const rollout = await startRollout(ctx, { kind, id, revision, actor });
    const path = kind === 'policy' ? 'sla-policies' : 'calendars';
    const progress = `/admin/${path}/${encodeURIComponent(id)}/rollouts/${revision}`;
    res.status(created ? 201 : 200).json({ ...item, rollout: { ...rollout, progress } });
  };

  router.get('/admin/calendars', async (_req, res) => {
    res.json({ items: await listCalendars(ctx.db) });
  });

  router.put('/admin/calendars/:id', async (req, res) => {
    const { applyTo, body } = takeApplyTo(req.body);
    await answer(res, 'calendar', req.params.id, applyTo, await replaceCalendar(ctx.db, req.params.id, body));
  });

  router.get('/admin/sla-policies', async (_req, res) => {
    res.json({ items: await listSlaPolicies(ctx.db) });
  });

  router.put('/admin/sla-policies/:id', async (req, res) => {
    const { applyTo, body } = takeApplyTo(req.body);
    await answer(res, 'policy', req.params.id, applyTo, await replaceSlaPolicy(ctx.db, req.params.id, body));
  });

  for (const [path, kind] of [
    ['calendars', 'calendar'],
    ['sla-policies', 'policy'],
  ] as const) {
    router.get(`/admin/${path}/:id/rollouts/:revision`, async (req, res) => {
      if (!/^[1-9]\d{0,8}$/.test(req.params.revision)) {
        throw HttpError.notFound(`rollout revision ${req.params.revision}`);
      }
      res.json(await readRollout(ctx, { kind, id: req.params.id, revision: Number(req.params.revision) }));
    });
  }

  return router;
}

type Stored = { created: boolean; item: object; revision: number };

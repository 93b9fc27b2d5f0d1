import { Router } from 'express';
import { listCalendars, listSlaPolicies, replaceCalendar, replaceSlaPolicy } from '../../desk/admin/policies';
import { rollOut, rolloutProgress, takeApplyTo, type RolloutContext } from '../../desk/admin/sla-rollouts';
import type { DeskContext } from '../../desk/context';
import { DeskError } from '../../desk/errors';
import { MAX_REVISION, type SlaChange } from '../../domain/sla-rollout';

type PolicyContext = Pick<DeskContext, 'db'> & Partial<RolloutContext>;

/**
 * Business calendars and SLA policies (R16–R21), as data; admins only. PUT creates (201) or replaces (200);
 * with `applyTo: "running"` the stored revision is rolled out to the running tickets timed on it too.
 */
export function adminPolicyRoutes(ctx: PolicyContext): Router {
  const router = Router();

  router.get('/admin/calendars', async (_req, res) => {
    res.json({ items: await listCalendars(ctx.db) });
  });

  router.put('/admin/calendars/:id', async (req, res) => {
    const { applyTo, definition } = takeApplyTo(req.body);
    const { created, item, revisedAt } = await replaceCalendar(ctx.db, req.params.id, definition);
    const change: SlaChange = { kind: 'calendar', id: item.id, revision: item.revision };
    const rollout = applyTo === 'running' ? await rollOut(ctx, change, revisedAt) : undefined;
    res.status(created ? 201 : 200).json({ ...item, ...(rollout && { rollout }) });
  });

  router.get('/admin/calendars/:id/rollouts/:revision', async (req, res) => {
    res.json(
      await progressOf(ctx, {
        kind: 'calendar',
        id: req.params.id,
        revision: revisionOf(req.params.revision),
      }),
    );
  });

  router.get('/admin/sla-policies', async (_req, res) => {
    res.json({ items: await listSlaPolicies(ctx.db) });
  });

  router.put('/admin/sla-policies/:id', async (req, res) => {
    const { applyTo, definition } = takeApplyTo(req.body);
    const { created, item, revisedAt } = await replaceSlaPolicy(ctx.db, req.params.id, definition);
    const change: SlaChange = { kind: 'policy', id: item.id, revision: item.revision };
    const rollout = applyTo === 'running' ? await rollOut(ctx, change, revisedAt) : undefined;
    res.status(created ? 201 : 200).json({ ...item, ...(rollout && { rollout }) });
  });

  router.get('/admin/sla-policies/:id/rollouts/:revision', async (req, res) => {
    res.json(
      await progressOf(ctx, { kind: 'policy', id: req.params.id, revision: revisionOf(req.params.revision) }),
    );
  });

  return router;
}

function revisionOf(text: string): number {
  const revision = Number(text);
  if (!/^[0-9]+$/.test(text) || revision < 1 || revision > MAX_REVISION) {
    throw DeskError.invalid([{ field: 'revision', message: 'must be a revision number, 1 or more' }]);
  }
  return revision;
}

function progressOf(ctx: PolicyContext, change: SlaChange) {
  const { client, taskQueue, updateDeadlineMs } = ctx;
  if (!client || !taskQueue || updateDeadlineMs === undefined) {
    throw DeskError.unavailable('rollouts need the Temporal connection of the API');
  }
  return rolloutProgress({ ...ctx, client, taskQueue, updateDeadlineMs }, change);
}

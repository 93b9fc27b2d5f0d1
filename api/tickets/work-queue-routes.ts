import { Router } from 'express';
import { z } from 'zod';
import { priorities } from '../../domain/priority';
import { tiers } from '../../domain/ticket';
import { allow, authenticate } from '../access';
import type { DeskContext } from '../../desk/context';
import { parseOrThrow } from '../errors';
import { listWorkQueue } from '../../desk/tickets/work-queue';

export const queueQuerySchema = z.strictObject({
  tier: z.enum(tiers).optional(),
  priority: z.enum(priorities).optional(),
  slaState: z.enum(['on_track', 'at_risk', 'breached', 'paused']).optional(),
  assignee: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The desk's work queue (R18): what to take next. */
export function workQueueRoutes(ctx: Pick<DeskContext, 'db'>): Router {
  const router = Router();

  router.get('/queue', authenticate(ctx.db), allow('agent', 'manager'), async (req, res) => {
    res.json(await listWorkQueue(ctx.db, parseOrThrow(queueQuerySchema, req.query)));
  });

  return router;
}

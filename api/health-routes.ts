import { Router } from 'express';
import type { Dependency } from '../lib/outages';
import type { DeskContext } from '../desk/context';
import { RETRY_AFTER_SECONDS } from './errors';

/** A probe that hangs (a black-holed network) counts as down rather than holding the health check. */
const PROBE_TIMEOUT_MS = 2_000;

async function answers(probe: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * For load balancers and `npm start`: 200 when PostgreSQL and Temporal both answer, else 503 naming what is
 * down, so an operator sees at once which dependency to look at.
 */
export function healthRoutes(ctx: Pick<DeskContext, 'db' | 'client'>): Router {
  const router = Router();
  const probes: Record<Dependency, () => Promise<unknown>> = {
    PostgreSQL: () => ctx.db.raw('SELECT 1'),
    Temporal: () =>
      ctx.client.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        ctx.client.workflowService.getSystemInfo({}),
      ),
  };

  router.get('/health', async (_req, res) => {
    const names = Object.keys(probes) as Dependency[];
    const up = await Promise.all(names.map((name) => answers(probes[name])));
    const dependencies = Object.fromEntries(names.map((name, i) => [name, up[i] ? 'up' : 'down']));
    const down = names.filter((_, i) => !up[i]);
    if (down.length === 0) {
      res.json({ status: 'ok', dependencies });
      return;
    }
    res
      .status(503)
      .set('Retry-After', String(RETRY_AFTER_SECONDS))
      .json({ status: 'unavailable', error: `unavailable: ${down.join(', ')}`, down, dependencies });
  });

  return router;
}

import { Router } from 'express';
import type { ApiMetrics } from './metrics';

/** Prometheus scrapes this; the ticket gauges are read from PostgreSQL at each scrape. */
export function metricsRoutes(metrics: Pick<ApiMetrics, 'registry'>): Router {
  const router = Router();

  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return router;
}

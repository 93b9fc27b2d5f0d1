import express from 'express';
import type { Logger } from '../lib/logger';
import type { ApiContext } from './context';
import { errorHandler, unknownRoute } from './errors';
import { releaseHeldTickets } from './held-service';
import { methodNotAllowed } from './method-not-allowed';
import { createApiMetrics } from './metrics';
import { openApiDocument } from './openapi';
import { requestLogging } from './request-log';
import { refuseUnsafePathParameters, refuseUnsafeText } from './text-guard';
import { adminRoutes } from './routes/admin';
import { correspondenceRoutes } from './routes/correspondence';
import { docsRoutes } from './routes/docs';
import { dossierRoutes } from './routes/dossiers';
import { fieldServiceRoutes } from './routes/field-service';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { metricsRoutes } from './routes/metrics';
import { partsRoutes } from './routes/parts';
import { portalRoutes } from './routes/portal';
import { reportRoutes } from './routes/reports';
import { ticketRoutes } from './routes/tickets';
import { workQueueRoutes } from './routes/work-queue';

export function createApp(ctx: ApiContext, log: Logger): express.Express {
  const app = express();
  const metrics = createApiMetrics(ctx.db);
  app.disable('x-powered-by');
  app.use(requestLogging(log), metrics.observeRequests);
  app.use(express.json({ limit: '1mb' }), refuseUnsafeText);
  app.use(healthRoutes(ctx));
  app.use(ticketRoutes(ctx));
  app.use(workQueueRoutes(ctx));
  app.use(dossierRoutes(ctx));
  app.use(partsRoutes(ctx));
  app.use(meRoutes(ctx));
  app.use(
    adminRoutes(ctx, {
      onContractChanged: async (contract) => void (await releaseHeldTickets(ctx, contract)),
    }),
  );
  app.use(reportRoutes(ctx));
  app.use(fieldServiceRoutes(ctx));
  app.use(correspondenceRoutes(ctx));
  app.use(docsRoutes());
  app.use(portalRoutes(ctx));
  app.use(metricsRoutes(metrics));
  refuseUnsafePathParameters(app.router);
  app.use(methodNotAllowed(openApiDocument().paths));
  app.use(unknownRoute);
  app.use(errorHandler(log));
  return app;
}

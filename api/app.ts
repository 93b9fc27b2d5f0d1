import express from 'express';
import type { Logger } from '../lib/logger';
import type { DeskContext } from '../desk/context';
import { errorHandler, unknownRoute } from './errors';
import { releaseHeldTickets } from '../desk/admin/held-service';
import { methodNotAllowed } from './method-not-allowed';
import { createApiMetrics } from './metrics';
import { openApiDocument } from './openapi/document';
import { requestLogging } from './request-log';
import { refuseUnsafePathParameters, refuseUnsafeText } from './text-guard';
import { adminRoutes } from './admin/routes';
import { correspondenceRoutes } from './correspondence/routes';
import { planLinkRoutes } from './tickets/plan-routes';
import { docsRoutes } from './openapi/docs-routes';
import { dossierRoutes } from './tickets/dossier-routes';
import { fieldServiceRoutes } from './field-service/routes';
import { healthRoutes } from './health-routes';
import { meRoutes } from './admin/me-routes';
import { metricsRoutes } from './metrics-routes';
import { partsRoutes } from './tickets/parts-routes';
import { portalRoutes } from './portal/routes';
import { reportRoutes } from './reports/routes';
import { incidentRoutes } from './incidents/routes';
import { ticketRoutes } from './tickets/routes';
import { workQueueRoutes } from './tickets/work-queue-routes';

export function createApp(ctx: DeskContext, log: Logger): express.Express {
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
  app.use(incidentRoutes(ctx));
  app.use(fieldServiceRoutes(ctx));
  app.use(correspondenceRoutes(ctx));
  app.use(planLinkRoutes(ctx));
  app.use(docsRoutes());
  app.use(portalRoutes(ctx));
  app.use(metricsRoutes(metrics));
  refuseUnsafePathParameters(app.router);
  app.use(methodNotAllowed(openApiDocument().paths));
  app.use(unknownRoute);
  app.use(errorHandler(log));
  return app;
}

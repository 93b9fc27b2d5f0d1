import { fileURLToPath } from 'node:url';
import express, { Router, type RequestHandler } from 'express';
import { authenticate, principalOf } from '../access';
import { actionRoles } from '../../desk/tickets/action-permissions';
import type { DeskContext } from '../../desk/context';
import { object, orNull, text } from '../openapi/json-schema';
import { errorResponses } from '../openapi/operations';
import { ATTACHMENT_MAX_BYTES_DEFAULT } from '../../lib/config';

const portalFiles = fileURLToPath(new URL('../../portal', import.meta.url));

// The portal is plain files of our own: nothing inline, nothing from another origin.
const contentSecurityPolicy: RequestHandler = (_req, res, next) => {
  res.set(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
  );
  next();
};

/**
 * The web portal: static ES modules and CSS under /portal, signed in with a personal API token.
 * `/portal/settings` tells the signed-in person's portal who may take which action and how large a file may
 * be, and tells the desk where the Temporal UI is.
 */
export function portalRoutes(ctx: Pick<DeskContext, 'db' | 'temporalUi' | 'attachmentMaxBytes'>): Router {
  const router = Router();
  const { url: uiUrl, namespace } = ctx.temporalUi;

  router.get('/portal/settings', authenticate(ctx.db), (_req, res) => {
    // Those who read tickets: an admin configures the desk and opens none.
    const desk = ['agent', 'manager'].includes(principalOf(res).role);
    const attachmentMaxBytes = ctx.attachmentMaxBytes ?? ATTACHMENT_MAX_BYTES_DEFAULT;
    res.json({ actionRoles, temporalUi: desk ? { url: uiUrl, namespace } : null, attachmentMaxBytes });
  });

  router.use('/portal', contentSecurityPolicy, express.static(portalFiles, { index: 'index.html' }));

  return router;
}

/** `GET /portal/settings` in the OpenAPI document; the portal's files are not operations. */
export function portalOperations() {
  const roles = { type: 'array', items: text };
  const settings = object({
    actionRoles: {
      type: 'object',
      additionalProperties: roles,
      description: 'for each action on a ticket, the roles that may take it',
    },
    temporalUi: {
      ...orNull(object({ url: text, namespace: text })),
      description:
        'where the desk opens a ticket in the Temporal UI: <url>/namespaces/<namespace>/workflows/<number>',
    },
    attachmentMaxBytes: {
      type: 'integer',
      description:
        'the largest file the desk keeps on a ticket (ATTACHMENT_MAX_BYTES), checked before uploading',
    },
  });
  return {
    '/portal/settings': {
      get: {
        operationId: 'portalSettings',
        tags: ['service'],
        summary:
          'What the web portal at /portal/ needs to know: who may act, and (for the desk) the Temporal UI',
        responses: {
          200: { description: 'the settings', content: { 'application/json': { schema: settings } } },
          401: errorResponses.unauthorized,
        },
      },
    },
  };
}

import { Router } from 'express';
import { incidentNumberPattern } from '../../domain/incident';
import { unsafeTextReason } from '../../domain/safe-text';
import type { DeskContext } from '../../desk/context';
import { DeskError } from '../../desk/errors';
import {
  actOnIncident,
  declareIncident,
  ensureIncidentOpen,
  linkTicket,
} from '../../desk/incidents/incidents';
import { findIncident, listIncidents } from '../../desk/incidents/reads';
import { ensureMayOpenFor } from '../../desk/tickets/intake-access';
import { openTicket } from '../../desk/tickets/intake';
import { findTicket } from '../../desk/tickets/reads';
import type { TicketIntake } from '../../domain/ticket';
import { aRole } from '../../lib/directory';
import { allow, authenticate, principalOf } from '../access';
import { HttpError, parseOrThrow } from '../errors';
import { ticketIntakeSchema } from '../tickets/intake-schema';
import { declarationSchema, incidentCommandNames, incidentCommandTable, incidentListQuery } from './schemas';

/** Major incidents: the desk declares, links, tells and resolves; requesters read only their ticket. */
export function incidentRoutes(ctx: DeskContext): Router {
  const router = Router();
  const desk = [authenticate(ctx.db), allow('agent', 'manager')];
  // Text the desk refuses anywhere is left to the path guard, which names it with a 400; the rest is no incident.
  router.param('incident', (_req, _res, next, number: string) => {
    const forTheGuardOrValid = incidentNumberPattern.test(number) || unsafeTextReason(number) !== undefined;
    next(forTheGuardOrValid ? undefined : HttpError.notFound(`incident ${number}`));
  });

  router.post('/incidents', ...desk, async (req, res) => {
    const declaration = parseOrThrow(declarationSchema, req.body);
    const incident = await declareIncident(ctx, declaration, principalOf(res).email);
    res.status(201).location(`/incidents/${incident.number}`).json(incident);
  });

  router.get('/incidents', ...desk, async (req, res) => {
    const { status } = parseOrThrow(incidentListQuery, req.query);
    res.json({ items: await listIncidents(ctx.db, status) });
  });

  router.get('/incidents/:incident', ...desk, async (req, res) => {
    res.json(await findIncident(ctx.db, req.params.incident!));
  });

  // A ticket entered for the incident, linked at once: the caller on the phone with one more hit client.
  router.post('/incidents/:incident/tickets', ...desk, async (req, res) => {
    const number = req.params.incident!;
    const intake = parseOrThrow(ticketIntakeSchema, req.body) as TicketIntake;
    const principal = principalOf(res);
    await ensureIncidentOpen(ctx, number);
    await ensureMayOpenFor(ctx.db, principal, intake);
    const opened = await openTicket(ctx, { ...intake, enteredBy: principal.email });
    if (opened.pending) {
      throw DeskError.unavailable(
        `ticket ${opened.pending.number} is taken but not registered yet; link it then`,
        {
          ticket: opened.pending.number,
        },
      );
    }
    const incident = await linkTicket(ctx, number, opened.ticket.number, principal.email);
    const ticket = await findTicket(ctx.db, opened.ticket.number);
    res.status(201).location(`/tickets/${opened.ticket.number}`).json({ ticket, incident });
  });

  for (const command of incidentCommandNames) {
    const { body: schema, roles } = incidentCommandTable[command];
    router.post(`/incidents/:incident/actions/${command}`, authenticate(ctx.db), async (req, res) => {
      const principal = principalOf(res);
      if (!(roles as readonly string[]).includes(principal.role)) {
        throw DeskError.forbidden(`${aRole(principal.role)} may not ${command} an incident`);
      }
      const body = parseOrThrow(schema, req.body ?? {}) as Record<string, unknown>;
      const number = req.params.incident!;
      if (command === 'link') {
        res.json(await linkTicket(ctx, number, body.ticket as string, principal.email));
        return;
      }
      await ensureIncidentOpen(ctx, number);
      res.json(await actOnIncident(ctx, number, command, body as never, principal.email));
    });
  }

  return router;
}

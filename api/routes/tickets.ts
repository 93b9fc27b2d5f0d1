import { Router } from 'express';
import { z } from 'zod';
import { stages, tiers } from '../../domain/ticket';
import { priorities } from '../../domain/priority';
import { actionNames, type ActionName } from '../../workflows/messages';
import { allow, authenticate, ensureTicketVisible, forbidden, principalOf, scopedFilters } from '../access';
import { mayTakeAction } from '../action-permissions';
import { actionBodySchemas } from '../action-schemas';
import type { ApiContext } from '../context';
import { HttpError, parseOrThrow } from '../errors';
import { ensureMayOpenFor } from '../intake-access';
import { ticketIntakeSchema } from '../intake-schema';
import { openTicket } from '../ticket-intake';
import { performAction } from '../ticket-actions';
import { findTicket, listTickets } from '../ticket-reads';
import { rememberTicket } from '../request-log';

export const listQuerySchema = z.strictObject({
  stage: z.enum(stages).optional(),
  tier: z.enum(tiers).optional(),
  priority: z.enum(priorities).optional(),
  organization: z.string().min(1).optional(),
  assignee: z.string().min(1).optional(),
  requesterEmail: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

const headerSchema = (name: string, pattern: RegExp, hint: string) =>
  z.string({ error: 'required' }).trim().min(1, 'required').max(200).regex(pattern, hint).describe(name);

export const idempotencyKey = headerSchema(
  'Idempotency-Key',
  /^[\x21-\x7e]+$/,
  'printable ASCII without spaces',
).optional();

/** Requesters see their own organization's tickets; the desk works them; admins configure the desk. */
const ticketReaders = allow('requester', 'agent', 'manager');

export function ticketRoutes(ctx: ApiContext): Router {
  const router = Router();
  const signedIn = authenticate(ctx.db);
  router.param('number', rememberTicket);

  router.post('/tickets', signedIn, ticketReaders, async (req, res) => {
    const intake = parseOrThrow(ticketIntakeSchema, req.body);
    const key = parseOrThrow(idempotencyKey, req.get('Idempotency-Key'), 'Idempotency-Key');
    const principal = principalOf(res);
    await ensureMayOpenFor(ctx.db, principal, intake);
    const entered = principal.role === 'requester' ? intake : { ...intake, enteredBy: principal.email };
    const { ticket, replayed } = await openTicket(ctx, entered, key);
    res
      .status(201)
      .location(`/tickets/${ticket.number}`)
      .set('Idempotent-Replayed', String(replayed))
      .json(ticket);
  });

  router.get('/tickets', signedIn, ticketReaders, async (req, res) => {
    const filters = parseOrThrow(listQuerySchema, req.query);
    const scoped = scopedFilters(principalOf(res), filters);
    const { limit, offset } = filters;
    res.json(scoped ? await listTickets(ctx.db, scoped) : { items: [], total: 0, limit, offset });
  });

  router.get('/tickets/:number', signedIn, ticketReaders, async (req, res) => {
    await ensureTicketVisible(ctx.db, principalOf(res), req.params.number);
    const ticket = await findTicket(ctx.db, req.params.number);
    if (!ticket) throw HttpError.notFound(`ticket ${req.params.number}`);
    res.json(ticket);
  });

  router.post('/tickets/:number/actions/:action', signedIn, async (req, res) => {
    const principal = principalOf(res);
    const action = req.params.action as ActionName;
    if (!actionNames.includes(action)) {
      throw new HttpError(404, `unknown action ${req.params.action}`, { actions: actionNames });
    }
    if (!mayTakeAction(principal.role, action)) throw forbidden(`a ${principal.role} may not ${action}`);
    await ensureTicketVisible(ctx.db, principal, req.params.number);
    const body = parseOrThrow(actionBodySchemas[action], req.body ?? {});
    res.json(await performAction(ctx, req.params.number, action, body, principal.email));
  });

  return router;
}

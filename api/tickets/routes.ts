import { Router } from 'express';
import { z } from 'zod';
import { stages, tiers } from '../../domain/ticket';
import { priorities } from '../../domain/priority';
import { actionNames, type ActionName } from '../../workflows/messages';
import { allow, authenticate, principalOf } from '../access';
import { ensureTicketVisible, organizationScope, scopedFilters } from '../../desk/access';
import { DeskError } from '../../desk/errors';
import { actionResult } from '../../desk/tickets/action-results';
import { mayTakeAction } from '../../desk/tickets/action-permissions';
import { actionTable } from './action-table';
import type { DeskContext } from '../../desk/context';
import { HttpError, parseOrThrow } from '../errors';
import { ensureMayOpenFor } from '../../desk/tickets/intake-access';
import { ticketIntakeSchema } from './intake-schema';
import { openTicket } from '../../desk/tickets/intake';
import { actOnTicket } from '../../desk/tickets/act';
import { pendingIntake, startTicket } from '../../desk/tickets/start';
import { findTicket, listTickets } from '../../desk/tickets/reads';
import { rememberTicket } from '../request-log';
import { aRole } from '../../lib/directory';

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

export function ticketRoutes(ctx: DeskContext): Router {
  const router = Router();
  const signedIn = authenticate(ctx.db);
  router.param('number', rememberTicket);

  router.post('/tickets', signedIn, ticketReaders, async (req, res) => {
    const intake = parseOrThrow(ticketIntakeSchema, req.body);
    const key = parseOrThrow(idempotencyKey, req.get('Idempotency-Key'), 'Idempotency-Key');
    const principal = principalOf(res);
    await ensureMayOpenFor(ctx.db, principal, intake);
    const entered = principal.role === 'requester' ? intake : { ...intake, enteredBy: principal.email };
    const opened = await openTicket(ctx, entered, key);
    if (opened.pending) {
      res
        .status(202)
        .location(pendingTicket(opened.pending.number).location)
        .json(pendingTicket(opened.pending.number));
      return;
    }
    res
      .status(201)
      .location(`/tickets/${opened.ticket.number}`)
      .set('Idempotent-Replayed', String(opened.replayed))
      .json(opened.ticket);
  });

  router.get('/tickets', signedIn, ticketReaders, async (req, res) => {
    const filters = parseOrThrow(listQuerySchema, req.query);
    const scoped = scopedFilters(principalOf(res), filters);
    const { limit, offset } = filters;
    res.json(scoped ? await listTickets(ctx.db, scoped) : { items: [], total: 0, limit, offset });
  });

  router.get('/tickets/:number', signedIn, ticketReaders, async (req, res) => {
    const pending = await pendingIntake(ctx, req.params.number, organizationScope(principalOf(res)));
    // Asking again completes a create Temporal never recorded; a running ticket is only joined.
    if (pending && (await startTicket(briefly(ctx), pending)) === 'pending') {
      res.status(202).json(pendingTicket(req.params.number));
      return;
    }
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
    if (!mayTakeAction(principal.role, action))
      throw DeskError.forbidden(`${aRole(principal.role)} may not ${action}`);
    await ensureTicketVisible(ctx.db, principal, req.params.number);
    const body = parseOrThrow(actionTable[action].body, req.body ?? {});
    const key = parseOrThrow(idempotencyKey, req.get('Idempotency-Key'), 'Idempotency-Key');
    const actionId = key && `${action}:${key}`;
    const outcome = await actOnTicket(ctx, req.params.number, action, body, principal.email, actionId);
    if (outcome.clarification) res.status(202).json({ recorded: 'clarification' });
    else if (outcome.pending) res.status(202).location(outcome.pending.location).json(outcome.pending);
    else res.json(outcome.ticket);
  });

  router.get('/tickets/:number/action-results/:actionId', signedIn, async (req, res) => {
    await ensureTicketVisible(ctx.db, principalOf(res), req.params.number);
    const result = await actionResult(ctx, req.params.number, req.params.actionId);
    res.status(result.status === 'pending' ? 202 : 200).json(result);
  });

  return router;
}

function pendingTicket(number: string) {
  return { number, status: 'pending' as const, location: `/tickets/${number}` };
}

/** A read that nudges a pending create does not keep its caller waiting a whole update deadline. */
function briefly(ctx: DeskContext): DeskContext {
  return { ...ctx, updateDeadlineMs: Math.min(ctx.updateDeadlineMs, 2_000) };
}

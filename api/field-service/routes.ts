import { Router, type Response } from 'express';
import { allow, authenticate, principalOf } from '../access';
import type { DeskContext } from '../../desk/context';
import { HttpError, parseOrThrow } from '../errors';
import { agreeAppointment } from '../../desk/field-service/appointments';
import { listMessages, postMessage } from '../../desk/field-service/conversation';
import { signedVisitsCsv } from '../../desk/field-service/invoicing';
import { findReport, saveDraft, signReport } from '../../desk/field-service/visit-reports';
import { fieldServiceOf } from '../../desk/field-service/overview';
import {
  appointmentSchema,
  checkInSchema,
  checkOutSchema,
  invoicingQuerySchema,
  messageSchema,
  reportDraftSchema,
  reportSignatureSchema,
} from '../../desk/field-service/schemas';
import { fieldTicket } from '../../desk/field-service/field-tickets';
import { checkIn, checkOut } from '../../desk/field-service/visits';
import { rememberTicket } from '../request-log';

/** Field service from dispatch to the signed report (R21–R23), and the invoicing basis it yields. */
export function fieldServiceRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { db } = ctx;
  const signedIn = authenticate(db);
  // Requesters read their own organization's field service; the desk works it; admins configure the desk.
  const readers = [signedIn, allow('requester', 'agent', 'manager')];
  const desk = [signedIn, allow('agent', 'manager')];
  const ticketOf = (res: Response, number: string) => fieldTicket(db, principalOf(res), number);
  const actor = (res: Response) => principalOf(res).email;
  router.param('number', rememberTicket);

  router.get('/tickets/:number/field-service', ...readers, async (req, res) => {
    res.json(await fieldServiceOf(db, await ticketOf(res, req.params.number)));
  });

  router.put('/tickets/:number/appointment', ...desk, async (req, res) => {
    const ticket = await ticketOf(res, req.params.number);
    const body = parseOrThrow(appointmentSchema, req.body);
    res.json(await agreeAppointment(ctx, ticket, body, actor(res)));
  });

  router.get('/tickets/:number/conversation', ...readers, async (req, res) => {
    const ticket = await ticketOf(res, req.params.number);
    res.json({ items: await listMessages(db, ticket, principalOf(res)) });
  });

  router.post('/tickets/:number/conversation', ...readers, async (req, res) => {
    const ticket = await ticketOf(res, req.params.number);
    const body = parseOrThrow(messageSchema, req.body);
    res.status(201).json(await postMessage(db, ticket, principalOf(res), body));
  });

  router.post('/tickets/:number/visits', ...desk, async (req, res) => {
    const ticket = await ticketOf(res, req.params.number);
    const body = parseOrThrow(checkInSchema, req.body ?? {});
    res.status(201).json(await checkIn(db, ticket, body, actor(res)));
  });

  router.post('/tickets/:number/visits/:visit/check-out', ...desk, async (req, res) => {
    const ticket = await ticketOf(res, req.params.number);
    const body = parseOrThrow(checkOutSchema, req.body ?? {});
    res.json(await checkOut(db, ticket, req.params.visit, body, actor(res)));
  });

  router.get('/tickets/:number/visits/:visit/report', ...readers, async (req, res) => {
    const ticket = await ticketOf(res, req.params.number);
    const report = await findReport(db, ticket, req.params.visit);
    if (!report) throw HttpError.notFound(`report of visit ${req.params.visit} of ticket ${ticket.number}`);
    res.json(report);
  });

  router.put('/tickets/:number/visits/:visit/report', ...desk, async (req, res) => {
    const ticket = await ticketOf(res, req.params.number);
    const body = parseOrThrow(reportDraftSchema, req.body);
    res.json(await saveDraft(db, ticket, req.params.visit, body, actor(res)));
  });

  router.post('/tickets/:number/visits/:visit/report/sign', ...desk, async (req, res) => {
    const ticket = await ticketOf(res, req.params.number);
    const body = parseOrThrow(reportSignatureSchema, req.body);
    res.json(await signReport(db, ticket, req.params.visit, body));
  });

  router.get('/field-service/invoicing.csv', signedIn, allow('manager', 'admin'), async (req, res) => {
    const query = parseOrThrow(invoicingQuerySchema, req.query);
    // Before the headers: a refusal is JSON, not a download.
    const csv = await signedVisitsCsv(db, query);
    res.attachment(`field-visits_${query.from}_${query.to}.csv`).type('text/csv; charset=utf-8').send(csv);
  });

  return router;
}

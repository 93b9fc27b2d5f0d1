import type { Db } from '../../lib/db';
import { DeskError } from '../errors';
import type { ReportDraftBody, ReportSignatureBody } from './schemas';
import type { FieldTicket } from './field-tickets';
import { findVisit, type VisitView } from './visits';
import { agreedOnsiteWindows } from './special-hours';
import { minutesWithin, type AgreedWindow } from '../../domain/work-plan';

export interface ReportView {
  visitId: number;
  ticket: string;
  status: 'draft' | 'signed';
  engineer: VisitView['engineer'];
  tasksDone: string;
  timeIn: string;
  timeOut: string | null;
  /** Minutes of the visit inside special-hours windows the client agreed to (R16), counted apart. */
  specialHoursMinutes: number | null;
  customerComments: string | null;
  writtenBy: string;
  signerName: string | null;
  /** The signer's drawn signature, a PNG or JPEG data URL. */
  signature: string | null;
  signedAt: string | null;
  updatedAt: string;
}

const signedAlready = (visitId: string) =>
  DeskError.conflict(`the field service report of visit ${visitId} is signed and cannot be changed`);

/**
 * R23: the field service report of a visit is written as a draft, changed at will, then signed by the
 * customer, after which nothing in it changes: the guarded writes below answer 409, and a trigger in the
 * database refuses any other write. Time in and out are the visit's own, final once it is checked out.
 */
export async function saveDraft(
  db: Db,
  ticket: FieldTicket,
  visitId: string,
  body: ReportDraftBody,
  by: string,
): Promise<ReportView> {
  const visit = await visitOf(db, ticket, visitId);
  const draft = {
    tasks_done: body.tasksDone,
    customer_comments: body.customerComments ?? null,
    written_by: by,
  };
  const saved = await db('field_service_reports')
    .insert({ visit_id: visit.id, ...draft })
    .onConflict('visit_id')
    .merge({ ...draft, updated_at: db.fn.now() })
    .whereNull('field_service_reports.signed_at')
    .returning('visit_id');
  if (saved.length === 0) throw signedAlready(visitId);
  return (await findReport(db, ticket, visitId))!;
}

export async function signReport(
  db: Db,
  ticket: FieldTicket,
  visitId: string,
  body: ReportSignatureBody,
): Promise<ReportView> {
  const visit = await visitOf(db, ticket, visitId);
  const report = await findReport(db, ticket, visitId);
  if (report?.status === 'signed') throw signedAlready(visitId);
  if (!report) throw DeskError.conflict(`sign: no report has been written for visit ${visitId}`);
  if (!visit.checkedOutAt) {
    throw DeskError.conflict(
      `sign: visit ${visitId} is still open; check out first, the report carries the time out`,
    );
  }
  const signed = await db('field_service_reports')
    .where({ visit_id: visit.id })
    .whereNull('signed_at')
    .update({
      signer_name: body.signerName,
      signature: body.signature,
      signed_at: db.fn.now(),
      updated_at: db.fn.now(),
      ...(body.customerComments !== undefined && { customer_comments: body.customerComments }),
    });
  if (!signed) throw signedAlready(visitId);
  return (await findReport(db, ticket, visitId))!;
}

export async function findReport(
  db: Db,
  ticket: FieldTicket,
  visitId: string,
): Promise<ReportView | undefined> {
  const visit = await findVisit(db, ticket.number, visitId);
  if (!visit) return undefined;
  const row = await db('field_service_reports').where({ visit_id: visit.id }).first();
  return row && toReport(visit, row, await agreedOnsiteWindows(db, ticket.number));
}

async function visitOf(db: Db, ticket: FieldTicket, visitId: string): Promise<VisitView> {
  const visit = await findVisit(db, ticket.number, visitId);
  if (!visit) throw DeskError.notFound(`visit ${visitId} of ticket ${ticket.number}`);
  return visit;
}

interface ReportRow {
  tasks_done: string;
  customer_comments: string | null;
  written_by: string;
  signer_name: string | null;
  signature: string | null;
  signed_at: Date | null;
  updated_at: Date;
}

export function toReport(visit: VisitView, row: ReportRow, windows: AgreedWindow[]): ReportView {
  const { checkedInAt, checkedOutAt } = visit;
  const special = checkedOutAt ? minutesWithin(windows, new Date(checkedInAt), new Date(checkedOutAt)) : null;
  return {
    visitId: visit.id,
    ticket: visit.ticket,
    status: row.signed_at ? 'signed' : 'draft',
    engineer: visit.engineer,
    tasksDone: row.tasks_done,
    timeIn: visit.checkedInAt,
    timeOut: visit.checkedOutAt,
    specialHoursMinutes: special,
    customerComments: row.customer_comments,
    writtenBy: row.written_by,
    signerName: row.signer_name,
    signature: row.signature,
    signedAt: row.signed_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

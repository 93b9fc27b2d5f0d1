import type { Db } from '../../lib/db';
import { appointmentBeyondPromiseUpdate, type AppointmentBeyondPromise } from '../../workflows/messages';
import { withUpdateDeadline, type DeskContext } from '../context';
import { deskErrorOf } from '../temporal-errors';
import type { AppointmentBody } from './schemas';
import { refuseUnagreedSpecialHours } from './special-hours';
import {
  currentDispatch,
  invalidField,
  latestDispatch,
  refuseIfClosed,
  type FieldTicket,
} from './field-tickets';

interface SiteContact {
  name: string;
  phone: string;
}

export interface AgreedTime {
  scheduledAt: string;
  siteContact: SiteContact;
  agreedBy: string;
  agreedAt: string;
  reason: string | null;
}

export interface AppointmentView {
  dispatchId: string;
  /** The time the dispatch proposed, before anybody spoke to the site contact. */
  proposedAt: string;
  status: 'proposed' | 'confirmed' | 'rescheduled';
  scheduledAt: string;
  siteContact: SiteContact;
  /** Every time agreed with the site contact for this dispatch, oldest first. */
  history: AgreedTime[];
}

/**
 * R21: the appointment with the site contact. A dispatch proposes a time; the engineer or the partner team
 * calls the site contact and records the time they agree on, which confirms it, and every later move of
 * it with its reason. The intake's site contact is the one called unless another is named. A time after the
 * onsite promise, while it is not yet kept, needs a reason too, and the ticket hears of it first: the promise
 * is at risk (R21).
 */
export async function agreeAppointment(
  ctx: DeskContext,
  ticket: FieldTicket,
  body: AppointmentBody,
  agreedBy: string,
): Promise<AppointmentView> {
  const { db } = ctx;
  refuseIfClosed(ticket, 'appointment');
  const dispatch = await currentDispatch(db, ticket, 'appointment');
  const at = new Date(body.at);
  if (at.getTime() <= Date.now()) throw invalidField('at', 'must be in the future');
  const history = await agreedTimes(db, dispatch.id);
  const beyondPromise = at > dispatch.promise_due && !(await promiseKept(db, ticket.number));
  if (!body.reason && history.length > 0) throw invalidField('reason', 'required when the appointment moves');
  if (!body.reason && beyondPromise) {
    const due = dispatch.promise_due.toISOString();
    throw invalidField('reason', `required for a time after the onsite promise (${due})`);
  }
  await refuseUnagreedSpecialHours(db, ticket.number, at);
  if (beyondPromise) {
    const command = { actor: agreedBy, dispatchId: dispatch.id, at: at.toISOString(), reason: body.reason! };
    await tellTicket(ctx, ticket.number, command, `${dispatch.id}/appointment/${history.length}`);
  }
  const contact = body.siteContact ?? history.at(-1)?.siteContact ?? ticket.siteContact;
  await db('site_appointments').insert({
    ticket_number: ticket.number,
    dispatch_id: dispatch.id,
    scheduled_at: at,
    site_contact_name: contact.name,
    site_contact_phone: contact.phone,
    agreed_by: agreedBy,
    reason: body.reason ?? null,
  });
  return (await findAppointment(db, ticket))!;
}

/** The engineer was on site in time: a later visit is agreed like any other. */
async function promiseKept(db: Db, number: string): Promise<boolean> {
  const row = await db('tickets').where({ number }).first(db.raw(`sla->'onsite'->>'state' AS onsite`));
  return row?.onsite === 'met';
}

/** The workflow records it before the desk stores the time; a retry after a 503 is the same update. */
async function tellTicket(
  ctx: DeskContext,
  number: string,
  command: AppointmentBeyondPromise,
  updateId: string,
) {
  try {
    await withUpdateDeadline(ctx, () =>
      ctx.client.workflow
        .getHandle(number)
        .executeUpdate(appointmentBeyondPromiseUpdate, { args: [command], updateId }),
    );
  } catch (error) {
    throw deskErrorOf(error, number, ctx.updateDeadlineMs);
  }
}

/** The appointment of the dispatch in force; null while none was made. */
export async function findAppointment(db: Db, ticket: FieldTicket): Promise<AppointmentView | null> {
  const dispatch = await latestDispatch(db, ticket.number);
  if (!dispatch) return null;
  const history = await agreedTimes(db, dispatch.id);
  const agreed = history.at(-1);
  return {
    dispatchId: dispatch.id,
    proposedAt: dispatch.appointment_at.toISOString(),
    status: !agreed ? 'proposed' : history.length === 1 ? 'confirmed' : 'rescheduled',
    scheduledAt: agreed?.scheduledAt ?? dispatch.appointment_at.toISOString(),
    siteContact: agreed?.siteContact ?? ticket.siteContact,
    history,
  };
}

async function agreedTimes(db: Db, dispatchId: string): Promise<AgreedTime[]> {
  const rows = await db('site_appointments').where({ dispatch_id: dispatchId }).orderBy('id');
  return rows.map((row) => ({
    scheduledAt: row.scheduled_at.toISOString(),
    siteContact: { name: row.site_contact_name, phone: row.site_contact_phone },
    agreedBy: row.agreed_by,
    agreedAt: row.agreed_at.toISOString(),
    reason: row.reason,
  }));
}

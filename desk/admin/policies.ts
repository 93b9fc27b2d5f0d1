import type { BusinessCalendar } from '../../domain/calendar/types';
import { businessCalendarSchema } from '../../domain/calendar/schema';
import type { SlaPolicy } from '../../domain/sla';
import { slaPolicySchema } from '../../domain/sla-schema';
import type { Db } from '../../lib/db';
import { DeskError, parseOrThrow } from '../errors';

/** A policy as stored and listed: its calendar by id, since calendars are shared and edited on their own. */
export type StoredSlaPolicy = Omit<SlaPolicy, 'calendar'> & { calendarId: string };

export interface Replaced<T> {
  created: boolean;
  item: T;
}

/** The path names what is replaced; a body naming something else is a mistake, not a rename. */
function withPathId(id: string, body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DeskError.invalid([{ field: 'body', message: 'must be an object' }]);
  }
  const fields = body as Record<string, unknown>;
  if (fields.id !== undefined && fields.id !== id) {
    throw DeskError.refused([{ field: 'id', message: `must be ${id}, the id in the path` }]);
  }
  return { ...fields, id };
}

// xmax is 0 on a row the statement inserted, and the updating transaction's id on one it replaced.
const upsert = (db: Db, table: string, row: Record<string, unknown>) =>
  db(table)
    .insert({ ...row, updated_at: db.fn.now() })
    .onConflict('id')
    .merge()
    .returning<{ created: boolean }[]>(db.raw('(xmax = 0) AS created'));

export async function listCalendars(db: Db): Promise<BusinessCalendar[]> {
  return (await db('business_calendars').orderBy('id')).map((row) => row.definition);
}

/** Replacing a calendar re-times no running ticket: a ticket keeps the policy it read at intake. */
export async function replaceCalendar(
  db: Db,
  id: string,
  body: unknown,
): Promise<Replaced<BusinessCalendar>> {
  const calendar = parseOrThrow(businessCalendarSchema, withPathId(id, body));
  const [row] = await upsert(db, 'business_calendars', { id, definition: JSON.stringify(calendar) });
  return { created: row!.created, item: calendar };
}

export async function listSlaPolicies(db: Db): Promise<StoredSlaPolicy[]> {
  const rows = await db('sla_policies').orderBy('id');
  return rows.map((row) => ({ ...row.definition, id: row.id, name: row.name, calendarId: row.calendar_id }));
}

/** Checked with the same schema the SLA activity checks every load with, on the calendar it names. */
export async function replaceSlaPolicy(
  db: Db,
  id: string,
  body: unknown,
): Promise<Replaced<StoredSlaPolicy>> {
  const { calendarId, ...fields } = withPathId(id, body);
  if ('calendar' in fields) {
    throw DeskError.invalid([{ field: 'calendar', message: 'name the calendar by calendarId' }]);
  }
  if (typeof calendarId !== 'string' || !calendarId) {
    throw DeskError.invalid([{ field: 'calendarId', message: 'required: the id of a business calendar' }]);
  }
  const calendar = await db('business_calendars').where({ id: calendarId }).first('definition');
  if (!calendar) throw DeskError.refused([{ field: 'calendarId', message: `no calendar ${calendarId}` }]);
  const { calendar: checked, ...policy } = parseOrThrow(slaPolicySchema, {
    ...fields,
    calendar: calendar.definition,
  });
  const [row] = await upsert(db, 'sla_policies', {
    id,
    name: policy.name,
    calendar_id: checked.id,
    definition: JSON.stringify(policy),
  });
  return { created: row!.created, item: { ...policy, calendarId: checked.id } };
}

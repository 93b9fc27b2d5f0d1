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
  item: T & { revision: number };
  revisedAt: string;
}

/** The path names what is replaced; a body naming something else is a mistake, not a rename. */
function withPathId(id: string, body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DeskError.invalid([{ field: 'body', message: 'must be an object' }]);
  }
  const fields = { ...(body as Record<string, unknown>) };
  // A listing's revision sent back with the rest is the store's bookkeeping, not part of the definition.
  delete fields.revision;
  if (fields.id !== undefined && fields.id !== id) {
    throw DeskError.refused([{ field: 'id', message: `must be ${id}, the id in the path` }]);
  }
  return { ...fields, id };
}

export interface Revision {
  revision: number;
  revisedAt: string;
}

// xmax is 0 on a row the statement inserted, and the updating transaction's id on one it replaced. A body that
// changes nothing keeps the revision, so sending the same change twice rolls it out once.
async function upsert(db: Db, table: string, row: Record<string, string>) {
  const columns = Object.keys(row);
  const changed = `(${columns.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `excluded.${c}`).join(', ')})`;
  const { rows } = await db.raw(
    `INSERT INTO ${table} AS t (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')},
       updated_at = now(),
       revision = t.revision + CASE WHEN ${changed} THEN 1 ELSE 0 END,
       revised_at = CASE WHEN ${changed} THEN now() ELSE t.revised_at END
     RETURNING (xmax = 0) AS created, revision, revised_at`,
    columns.map((c) => row[c]!),
  );
  const stored = rows[0] as { created: boolean; revision: number; revised_at: Date };
  return { created: stored.created, revision: stored.revision, revisedAt: stored.revised_at.toISOString() };
}

export async function listCalendars(db: Db): Promise<(BusinessCalendar & { revision: number })[]> {
  const rows = await db('business_calendars').orderBy('id');
  return rows.map((row) => ({ ...row.definition, revision: row.revision }));
}

/** Replacing a calendar re-times no running ticket by itself: rolling it out to them is asked for apart. */
export async function replaceCalendar(
  db: Db,
  id: string,
  body: unknown,
): Promise<Replaced<BusinessCalendar>> {
  const calendar = parseOrThrow(businessCalendarSchema, withPathId(id, body));
  const stored = await upsert(db, 'business_calendars', { id, definition: JSON.stringify(calendar) });
  return {
    created: stored.created,
    item: { ...calendar, revision: stored.revision },
    revisedAt: stored.revisedAt,
  };
}

export async function listSlaPolicies(db: Db): Promise<(StoredSlaPolicy & { revision: number })[]> {
  const rows = await db('sla_policies').orderBy('id');
  return rows.map((row) => ({
    ...row.definition,
    id: row.id,
    name: row.name,
    calendarId: row.calendar_id,
    revision: row.revision,
  }));
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
  const stored = await upsert(db, 'sla_policies', {
    id,
    name: policy.name,
    calendar_id: checked.id,
    definition: JSON.stringify(policy),
  });
  return {
    created: stored.created,
    item: { ...policy, calendarId: checked.id, revision: stored.revision },
    revisedAt: stored.revisedAt,
  };
}

import type { Db } from '../../lib/db';
import type { InvoicingQuery } from './schemas';
import { visitMinutes } from './visits';
import { toCsv } from '../reports/csv';
import { minutesWithin, onsiteWindows, type WorkPlan } from '../../domain/work-plan';
import { DeskError } from '../errors';

const DAY_MS = 24 * 60 * 60_000;

export const invoicingColumns = [
  'ticket',
  'organization',
  'engineer',
  'check_in',
  'check_out',
  'duration_minutes',
  'special_hours_minutes',
  'signer',
  'signed_at',
] as const;

/**
 * R23: the invoicing basis of an organization for a period, one row per visit whose field service report is
 * signed; a visit without a signed report is not billed yet. A visit belongs to the period of its check-in,
 * `from` and `to` being whole days in UTC, both included. Times are ISO 8601 instants in UTC.
 */
export async function signedVisitsCsv(db: Db, query: InvoicingQuery): Promise<string> {
  const start = new Date(`${query.from}T00:00:00Z`);
  const end = new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS);
  const organization =
    query.organization === undefined ? undefined : await organizationNamed(db, query.organization);
  const rows = await db('field_visits as v')
    .join('field_service_reports as r', 'r.visit_id', 'v.id')
    .join('tickets as t', 't.number', 'v.ticket_number')
    .join('field_engineers as e', 'e.id', 'v.engineer_id')
    .where((q) => (organization === undefined ? q : q.where('t.organization', organization)))
    .whereNotNull('r.signed_at')
    .where('v.checked_in_at', '>=', start)
    .where('v.checked_in_at', '<', end)
    .orderBy([{ column: 'v.checked_in_at' }, { column: 'v.id' }])
    .select(
      'v.ticket_number',
      't.organization',
      'e.name',
      'v.checked_in_at',
      'v.checked_out_at',
      't.plan',
      'r.signer_name',
      'r.signed_at',
    );
  return toCsv(
    invoicingColumns,
    rows.map((row) => ({
      ticket: row.ticket_number,
      organization: row.organization,
      engineer: row.name,
      check_in: row.checked_in_at,
      check_out: row.checked_out_at,
      duration_minutes: visitMinutes(row.checked_in_at, row.checked_out_at),
      special_hours_minutes: minutesWithin(
        onsiteWindows(row.plan as WorkPlan | null),
        row.checked_in_at,
        row.checked_out_at,
      ),
      signer: row.signer_name,
      signed_at: row.signed_at,
    })),
  );
}

/**
 * Tickets carry the organization's name; the export takes its id or its name. One that names no organization
 * is refused, since an empty export would read as "nothing to bill".
 */
async function organizationNamed(db: Db, idOrName: string): Promise<string> {
  const row = await db('organizations').where('id', idOrName).orWhere('name', idOrName).first('name');
  if (!row) {
    throw DeskError.refused([
      { field: 'organization', message: `no organization has the id or name "${idOrName}"` },
    ]);
  }
  return row.name;
}

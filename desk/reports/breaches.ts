import { z } from 'zod';
import { filtered, listRows, reportQuery, type Report, type ReportFilters } from './report';
import { eventType } from '../../domain/ticket-events';
import type { Db } from '../../lib/db';

/** Where a page ends: the last row's exact instant (microseconds, as PostgreSQL keeps it), ticket and clock. */
const position = z.tuple([z.string(), z.string(), z.string()]);
type Position = z.infer<typeof position>;

const encode = (at: Position) => Buffer.from(JSON.stringify(at)).toString('base64url');

function decode(text: string): Position | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const decoded = position.safeParse(json);
  return decoded.success && !Number.isNaN(Date.parse(decoded.data[0])) ? decoded.data : undefined;
}

const cursor = z
  .string()
  .describe("the previous page's `next`")
  .refine((text) => decode(text) !== undefined, { message: "not a page's `next` from this report" });

const paged = { defaultLimit: 1_000, maxLimit: 10_000 };

const breachesQuery = reportQuery.safeExtend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(paged.maxLimit)
    .optional()
    .describe(
      `rows per page; ${paged.defaultLimit} when left out (a CSV download without it holds every row)`,
    ),
  after: cursor.optional(),
});

/**
 * Every SLA breach recorded in the period, newest first. A year of a busy desk is about 100 000 rows, so the
 * list answers a page at a time, each page found on the breaches index from where the last one ended.
 */
export const breaches: Report = {
  name: 'breaches',
  summary: 'The SLA breaches recorded in the period, newest first, a page at a time',
  query: breachesQuery,
  groupBy: [],
  measures: [
    { name: 'breachedAt', type: 'date-time', description: 'when the clock ran out' },
    { name: 'ticketNumber', type: 'string', description: 'the ticket' },
    { name: 'organization', type: 'string', description: 'the requester’s organization' },
    { name: 'priority', type: 'string', description: 'the ticket’s current priority' },
    { name: 'clock', type: 'string', description: 'response, resolution or onsite' },
    { name: 'targetMinutes', type: 'number', description: 'the clock’s target, in business minutes' },
    { name: 'stageAtBreach', type: 'string', description: 'the ticket’s stage when the clock ran out' },
    { name: 'stage', type: 'string', description: 'its stage now' },
    { name: 'tier', type: 'string', description: 'its tier now' },
    { name: 'assignee', type: 'string', nullable: true, description: 'its engineer now' },
  ],
  paged,
  async run(db, { limit = paged.defaultLimit, after, ...filters }) {
    const { rows } = await listRows(
      breachesFrom(db, filters, after === undefined ? undefined : decode(after)).limit(limit + 1),
    );
    const page = rows.slice(0, limit);
    const last = rows.length > limit ? page.at(-1) : undefined;
    const next = last && encode([String(last.breachedAt), String(last.ticketNumber), String(last.clock)]);
    // The instant comes in microseconds, for the cursor; a row shows it to the millisecond, as every time.
    for (const row of page) row.breachedAt = `${String(row.breachedAt).slice(0, 23)}Z`;
    return { rows: page, ...(next && { next }) };
  },
};

function breachesFrom(db: Db, filters: ReportFilters, after: Position | undefined) {
  const query = db('ticket_events as e')
    .join('tickets as t', 't.number', 'e.ticket_number')
    .select(
      // Formatted by PostgreSQL: a page is thousands of rows, each time otherwise parsed and formatted again.
      db.raw(`to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "breachedAt"`),
      'e.ticket_number as ticketNumber',
      't.organization',
      't.priority',
      db.raw(`e.data ->> 'clock' AS clock`),
      db.raw(`(e.data ->> 'targetMinutes')::float8 AS "targetMinutes"`),
      'e.stage as stageAtBreach',
      't.stage',
      't.tier',
      't.assignee',
    )
    .where('e.type', eventType['sla-breached'])
    .orderBy([{ column: 'e.at', order: 'desc' }, { column: 'e.ticket_number' }])
    .orderByRaw(`e.data ->> 'clock'`);
  if (after) {
    const [at, number, lastClock] = after;
    // The first bound lets the index start at the cursor; the rest are filters within that instant.
    query.where('e.at', '<=', at).where((page) =>
      page
        .where('e.at', '<', at)
        .orWhere((same) => same.where('e.at', at).where('e.ticket_number', '>', number))
        .orWhere((same) =>
          same
            .where('e.at', at)
            .where('e.ticket_number', number)
            .whereRaw(`e.data ->> 'clock' > ?`, [lastClock]),
        ),
    );
  }
  return filtered(query, filters, 'e.at');
}

import type { BusinessCalendar } from '../../../domain/calendar';
import { priorities, type Priority } from '../../../domain/priority';
import type { SlaPolicy, TimedTier } from '../../../domain/sla';
import { slaPolicySchema } from '../../../domain/sla-schema';
import type { Db } from '../../../lib/db';
import { DeskError, fieldErrors } from '../../errors';
import type { ProposedPolicy } from './request';

interface PolicyRow {
  id: string;
  name: string;
  calendar_id: string;
  definition: Omit<SlaPolicy, 'id' | 'name' | 'calendar'>;
}

/** The policies the report measures by, read once per answer: each ticket's own, and the proposal on top. */
export async function policyBook(db: Db, proposed: ProposedPolicy) {
  const rows: PolicyRow[] = await db('sla_policies').select('id', 'name', 'calendar_id', 'definition');
  const policies = new Map(rows.map((row) => [row.id, row]));
  const calendars = new Map<string, BusinessCalendar>(
    (await db('business_calendars').select('id', 'definition')).map((row) => [row.id, row.definition]),
  );
  const missing = [
    ...(proposed.policyId && !policies.has(proposed.policyId)
      ? [{ field: 'proposed.policyId', message: `no SLA policy ${proposed.policyId}` }]
      : []),
    ...(proposed.calendarId && !calendars.has(proposed.calendarId)
      ? [{ field: 'proposed.calendarId', message: `no business calendar ${proposed.calendarId}` }]
      : []),
  ];
  if (missing.length > 0) throw DeskError.refused(missing);

  /** A stored policy counted in `calendarId` (a contract's own calendar overrides its policy's, R16). */
  function own(policyId: string, calendarId: string): SlaPolicy | undefined {
    const row = policies.get(policyId);
    const calendar = calendars.get(calendarId);
    return row && calendar ? { ...row.definition, id: row.id, name: row.name, calendar } : undefined;
  }

  const named = proposed.policyId ? policies.get(proposed.policyId) : undefined;
  const instead = named && own(named.id, named.calendar_id);

  /** The proposal for a ticket measured by `base`, checked with the schema every policy load is checked by. */
  function proposal(base: SlaPolicy): SlaPolicy {
    const start = instead ?? base;
    const targets = Object.fromEntries(
      priorities.map((p) => [p, { ...start.targets[p], ...proposed.targets?.[p] }]),
    ) as Record<Priority, SlaPolicy['targets'][Priority]>;
    const parsed = slaPolicySchema.safeParse({
      ...start,
      calendar: proposed.calendarId ? calendars.get(proposed.calendarId) : start.calendar,
      targets,
      tierMinutes: { ...start.tierMinutes, ...proposed.tierMinutes } as Record<TimedTier, number>,
    });
    if (!parsed.success) throw DeskError.refused(fieldErrors(parsed.error, 'proposed'));
    return parsed.data;
  }

  return { own, proposal };
}

import { ApplicationFailure } from '@temporalio/activity';
import { standsOn, utcDay } from '../domain/contract-standing';
import type { SlaPolicy } from '../domain/sla';
import { slaPolicySchema } from '../domain/sla-schema';
import type { Db } from '../lib/db';
import { contractsOf, type ContractRow } from './contract-terms';

export interface SlaPolicyRequest {
  organization: string;
  /** The instant the ticket was received (ISO 8601); contracts are matched on its UTC date. */
  at: string;
}

/**
 * The policy a ticket is measured by (R16): its organization's contract valid on the day the ticket arrives,
 * the latest-starting one when contracts overlap, else the desk's default policy.
 */
export function createSlaPolicyActivities(db: Db, defaultPolicyId: string) {
  return {
    async loadSlaPolicy({ organization, at }: SlaPolicyRequest): Promise<SlaPolicy> {
      return slaPolicyAmong(db, defaultPolicyId, await contractsOf(db, organization), at);
    },
  };
}

/** loadSlaPolicy's answer from the organization's contracts, read by the caller (intake reads them once). */
export async function slaPolicyAmong(
  db: Db,
  defaultPolicyId: string,
  contracts: ContractRow[],
  at: string,
): Promise<SlaPolicy> {
  const day = utcDate(at);
  const contract = contracts.find((c) => standsOn(c, day));
  const policyId = contract?.sla_policy_id ?? defaultPolicyId;
  // A contract's own calendar, onsite promise and special-hours notice, where it has them, override its policy's (R16, R21).
  const row = await db('sla_policies as p')
    .joinRaw('JOIN business_calendars AS c ON c.id = coalesce(?, p.calendar_id)', [
      contract?.calendar_id ?? null,
    ])
    .where('p.id', policyId)
    .first(
      'p.id',
      'p.name',
      'p.definition',
      'p.revision',
      'c.definition as calendar',
      'c.revision as calendar_revision',
    );
  // A contract's policy is guaranteed by its foreign key, so only a misconfigured default can be missing.
  if (!row) {
    throw ApplicationFailure.nonRetryable(
      `the default SLA policy "${policyId}" does not exist (SLA_DEFAULT_POLICY)`,
      'SlaPolicyMissing',
    );
  }
  // Checked on every load: a policy edited in the database must not turn into NaN deadlines in a workflow.
  const parsed = slaPolicySchema.safeParse({
    ...row.definition,
    onsiteResponseMinutes: contract?.onsite_promise_minutes ?? row.definition.onsiteResponseMinutes,
    specialHoursNoticeDays:
      contract?.special_hours_notice_days ?? row.definition.specialHoursNoticeDays ?? undefined,
    id: row.id,
    name: row.name,
    calendar: row.calendar,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw ApplicationFailure.nonRetryable(
      `SLA policy "${policyId}" is invalid: ${problems}`,
      'SlaPolicyInvalid',
    );
  }
  // The contract's alone, never its policy's: whether a requester may ask for a faster visit is bought.
  const fastest = contract?.fastest_onsite_minutes;
  // The revisions travel with the copy: a rollout of a change the ticket already holds passes it by.
  const revisions = { policy: row.revision, calendar: row.calendar_revision };
  return fastest
    ? { ...parsed.data, fastestOnsiteMinutes: fastest, revisions }
    : { ...parsed.data, revisions };
}

// Retrying cannot fix a bad request or configuration: every failure here is non-retryable, so the workflow
// (and an operator) hears of it at once.

function utcDate(at: string): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    throw ApplicationFailure.nonRetryable(
      `"at" must be an ISO 8601 instant, got "${at}"`,
      'InvalidSlaPolicyRequest',
    );
  }
  return utcDay(at);
}

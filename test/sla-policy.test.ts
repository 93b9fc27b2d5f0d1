import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSlaPolicyActivities } from '../activities/sla-policy';
import type { SlaPolicy } from '../domain/sla';
import { itbxBogota } from '../domain/calendar/seeds';
import {
  brocent24x7Policy,
  customerSupportSopPolicy,
  itbxBogotaPolicy,
  seedSlaPolicies,
} from '../domain/sla-seeds';
import { slaPolicySchema } from '../domain/sla-schema';
import { createDb } from '../lib/db';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.destroy());

const { loadSlaPolicy } = createSlaPolicyActivities(db, 'customer-support-sop');
const newOrganization = () => `Org ${randomUUID()}`;

async function signContract(
  organization: string,
  policyId: string,
  validFrom: string,
  validTo?: string,
  overrides: { onsite_promise_minutes?: number; fastest_onsite_minutes?: number; calendar_id?: string } = {},
) {
  await db('organizations')
    .insert({ id: `org-${randomUUID()}`, name: organization })
    .onConflict('name')
    .ignore();
  await db('contracts').insert({
    organization,
    sla_policy_id: policyId,
    valid_from: validFrom,
    valid_to: validTo ?? null,
    ...overrides,
  });
}

async function failureOf(work: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('the seed SLA policies (R16, R17, R19, R21)', () => {
  it.each(seedSlaPolicies.map((policy) => [policy.id, policy] as const))(
    '%s is valid per the policy schema',
    (_id, policy) => {
      expect(slaPolicySchema.parse(policy)).toEqual(policy);
    },
  );

  it('are stored by the migration and load with their calendars exactly as defined', async () => {
    for (const policy of seedSlaPolicies) {
      const organization = newOrganization();
      await signContract(organization, policy.id, '2026-01-01');
      expect(await loadSlaPolicy({ organization, at: '2026-11-24T15:00:00Z' })).toEqual({
        ...policy,
        revisions: { policy: 1, calendar: 1 },
      });
    }
  });
});

describe('the policy a ticket is measured by', () => {
  it('is the policy of the organization contract valid on the day the ticket arrives', async () => {
    const organization = newOrganization();
    await signContract(organization, 'itbx-bogota', '2026-01-01', '2026-12-31');
    const policy = await loadSlaPolicy({ organization, at: '2026-11-24T15:00:00Z' });
    expect(policy.id).toBe('itbx-bogota');
    expect(policy.calendar.timeZone).toBe('America/Bogota');
  });

  it('is the default policy for an organization without a contract', async () => {
    expect(await loadSlaPolicy({ organization: newOrganization(), at: '2026-11-24T15:00:00Z' })).toEqual({
      ...customerSupportSopPolicy,
      revisions: { policy: 1, calendar: 1 },
    });
  });

  it('is the default policy once the contract has expired, or before it starts', async () => {
    const organization = newOrganization();
    await signContract(organization, 'itbx-bogota', '2026-01-01', '2026-06-30');
    const policyOn = async (at: string) => (await loadSlaPolicy({ organization, at })).id;
    expect(await policyOn('2025-12-31T23:59:59Z')).toBe('customer-support-sop');
    expect(await policyOn('2026-06-30T23:59:59Z')).toBe('itbx-bogota');
    expect(await policyOn('2026-07-01T00:00:00Z')).toBe('customer-support-sop');
  });

  it('is the latest-starting contract when a renewal overlaps an open-ended contract', async () => {
    const organization = newOrganization();
    await signContract(organization, 'brocent-24x7', '2025-01-01');
    await signContract(organization, 'itbx-bogota', '2026-06-01');
    expect((await loadSlaPolicy({ organization, at: '2026-03-01T12:00:00Z' })).id).toBe('brocent-24x7');
    expect((await loadSlaPolicy({ organization, at: '2026-11-24T12:00:00Z' })).id).toBe('itbx-bogota');
  });

  it("is the policy with the contract's own onsite promise, fastest onsite response and calendar where the contract sets them", async () => {
    const organization = newOrganization();
    await signContract(organization, 'brocent-24x7', '2026-01-01', undefined, {
      onsite_promise_minutes: 90,
      fastest_onsite_minutes: 45,
      calendar_id: 'itbx-bogota',
    });
    const policy = await loadSlaPolicy({ organization, at: '2026-11-24T15:00:00Z' });
    expect(policy).toEqual({
      ...brocent24x7Policy,
      onsiteResponseMinutes: 90,
      fastestOnsiteMinutes: 45,
      calendar: itbxBogota,
      revisions: { policy: 1, calendar: 1 },
    });
  });

  it('fails without retrying when the configured default policy does not exist', async () => {
    const misconfigured = createSlaPolicyActivities(db, 'no-such-policy');
    const failure = await failureOf(
      misconfigured.loadSlaPolicy({ organization: newOrganization(), at: '2026-11-24T15:00:00Z' }),
    );
    expect(failure).toMatchObject({ type: 'SlaPolicyMissing', nonRetryable: true });
    expect(failure.message).toContain('no-such-policy');
  });

  it('fails without retrying when a stored policy no longer passes the schema', async () => {
    const id = `broken-${randomUUID()}`;
    const definition: Partial<SlaPolicy> = { ...itbxBogotaPolicy, id, atRiskShare: 1.5 };
    delete definition.calendar;
    await db('sla_policies').insert({ id, name: id, calendar_id: 'itbx-bogota', definition });
    const organization = newOrganization();
    await signContract(organization, id, '2026-01-01');
    const failure = await failureOf(loadSlaPolicy({ organization, at: '2026-11-24T15:00:00Z' }));
    expect(failure).toMatchObject({ type: 'SlaPolicyInvalid', nonRetryable: true });
    expect(failure.message).toContain('atRiskShare');
  });
});

describe('the SLA policy schema an admin upload must pass', () => {
  const problems = (policy: unknown) =>
    slaPolicySchema.safeParse(policy).error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('names every bad field', () => {
    const targets: Partial<SlaPolicy['targets']> = {
      ...itbxBogotaPolicy.targets,
      P1: { responseMinutes: 300, resolutionMinutes: 480, statusUpdateMinutes: 0 },
    };
    delete targets.P3;
    expect(
      problems({
        ...itbxBogotaPolicy,
        targets,
        tierMinutes: { ...itbxBogotaPolicy.tierMinutes, TIER_2: 12.5 },
        atRiskShare: 1,
        contacts: { ...itbxBogotaPolicy.contacts, manager: 'the manager' },
        escalateAfter: 30,
      }),
    ).toEqual(
      expect.arrayContaining([
        ['targets.P1.statusUpdateMinutes', 'must be at least 1 minute'],
        ['targets.P3', expect.any(String)],
        ['tierMinutes.TIER_2', 'must be a whole number of business minutes'],
        ['atRiskShare', expect.stringContaining('must be less than 1')],
        ['contacts.manager', 'must be an e-mail address'],
        ['', expect.stringContaining('escalateAfter')],
      ]),
    );
  });

  it('refuses a response target longer than the resolution target', () => {
    const targets = {
      ...itbxBogotaPolicy.targets,
      P2: { responseMinutes: 2000, resolutionMinutes: 1080, statusUpdateMinutes: 240 },
    };
    expect(problems({ ...itbxBogotaPolicy, targets })).toEqual([
      ['targets.P2.responseMinutes', expect.stringContaining('must not exceed resolutionMinutes')],
    ]);
  });
});

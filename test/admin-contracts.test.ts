import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSlaPolicyActivities } from '../activities/sla-policy';
import type { Contract } from '../desk/admin/contracts';
import { itbxBogota } from '../domain/calendar/seeds';
import { brocent24x7Policy } from '../domain/sla-seeds';
import { useAdminApi } from './support/admin-api';

const changed: Contract[] = [];
const suite = useAdminApi({ onContractChanged: async (contract) => void changed.push(contract) });
let organization: string;

beforeAll(async () => {
  organization = (await suite.admin.post('/admin/organizations', { name: `Contracted ${randomUUID()}` })).body
    .name;
});

const sign = (terms: Record<string, unknown> = {}) =>
  suite.admin.post('/admin/contracts', {
    organization,
    slaPolicyId: 'brocent-24x7',
    validFrom: '2026-01-01',
    ...terms,
  });

describe('an admin signs and renews contracts', () => {
  it('signs a contract with its own onsite promise, calendar and account manager, which tickets then get', async () => {
    const signed = await sign({
      validTo: '2026-12-31',
      onsitePromiseMinutes: 90,
      fastestOnsiteMinutes: 45,
      calendarId: 'itbx-bogota',
      accountManager: 'Laura.Perez@desk.example',
    });
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({
      organization,
      slaPolicyId: 'brocent-24x7',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      onsitePromiseMinutes: 90,
      fastestOnsiteMinutes: 45,
      calendarId: 'itbx-bogota',
      accountManager: 'laura.perez@desk.example',
    });
    expect(changed.at(-1)).toEqual(signed.body);
    const { loadSlaPolicy } = createSlaPolicyActivities(suite.db, 'customer-support-sop');
    expect(await loadSlaPolicy({ organization, at: '2026-06-01T12:00:00Z' })).toEqual({
      ...brocent24x7Policy,
      onsiteResponseMinutes: 90,
      fastestOnsiteMinutes: 45,
      calendar: itbxBogota,
      revisions: { policy: 1, calendar: 1 },
    });
    const listed = await suite.admin.get(`/admin/contracts?organization=${encodeURIComponent(organization)}`);
    expect(listed.body.items).toContainEqual(signed.body);
  });

  it('names every unknown organization, policy and calendar at once, and signs nothing', async () => {
    const refused = await suite.admin.post('/admin/contracts', {
      organization: `Unknown ${randomUUID()}`,
      slaPolicyId: 'no-such-policy',
      validFrom: '2026-01-01',
      calendarId: 'no-such-calendar',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'organization',
      'slaPolicyId',
      'calendarId',
    ]);
  });

  it('refuses malformed terms naming each field', async () => {
    const refused = await sign({
      validFrom: '2026-02-30',
      onsitePromiseMinutes: 0,
      fastestOnsiteMinutes: 'soon',
      accountManager: 'am',
    });
    expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'accountManager',
      'fastestOnsiteMinutes',
      'onsitePromiseMinutes',
      'validFrom',
    ]);
    const backwards = await sign({ validFrom: '2026-06-01', validTo: '2026-05-31' });
    expect(backwards.body.errors).toEqual([{ field: 'validTo', message: 'must not be before validFrom' }]);
  });

  it('renewing moves the end of validity, and the hook hears of it once stored', async () => {
    const { body: contract } = await sign({ validTo: '2026-03-31' });
    const renewed = await suite.admin.patch(`/admin/contracts/${contract.id}`, { validTo: '2027-03-31' });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toEqual({ ...contract, validTo: '2027-03-31' });
    expect(changed.at(-1)).toEqual(renewed.body);
    const openEnded = await suite.admin.patch(`/admin/contracts/${contract.id}`, { validTo: null });
    expect(openEnded.body.validTo).toBeNull();
  });

  it('refuses a renewal that would end before the contract starts, and changes nothing', async () => {
    const { body: contract } = await sign({ validFrom: '2026-04-01' });
    const heard = changed.length;
    const refused = await suite.admin.patch(`/admin/contracts/${contract.id}`, { validTo: '2026-03-01' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { field: 'validTo', message: 'must not be before validFrom (2026-04-01)' },
    ]);
    const [stored] = (
      await suite.admin.get(`/admin/contracts?organization=${encodeURIComponent(organization)}`)
    ).body.items.filter((c: Contract) => c.id === contract.id);
    expect(stored).toEqual(contract);
    expect(changed).toHaveLength(heard);
    expect((await suite.admin.patch('/admin/contracts/999999999', { validTo: null })).status).toBe(404);
    expect((await suite.admin.patch('/admin/contracts/abc', { validTo: null })).status).toBe(404);
  });
});

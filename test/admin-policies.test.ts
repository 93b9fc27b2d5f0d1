import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSlaPolicyActivities } from '../activities/sla-policy';
import { itbxBogota } from '../domain/calendar/seeds';
import { itbxBogotaPolicy } from '../domain/sla-seeds';
import { useAdminApi } from './support/admin-api';

const suite = useAdminApi();
const fields = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field);
/** A seed without `drop`: bodies name no id (the path does), and a policy names its calendar by id. */
function without<T extends object>(seed: T, ...drop: (keyof T)[]): Partial<T> {
  const copy = { ...seed };
  for (const key of drop) delete copy[key];
  return copy;
}
const bogotaHours = without(itbxBogota, 'id');
const itbxTerms = without(itbxBogotaPolicy, 'id', 'calendar');

describe('business calendars, as data an admin uploads (R16)', () => {
  it('lists the seed calendars', async () => {
    const listed = await suite.admin.get('/admin/calendars');
    expect(listed.body.items).toContainEqual({ ...itbxBogota, revision: 1 });
  });

  it('creates a calendar (201), then replaces it (200)', async () => {
    const id = `plant-${randomUUID()}`;
    const calendar = { ...bogotaHours, name: 'Plant hours' };
    const created = await suite.admin.put(`/admin/calendars/${id}`, calendar);
    expect(created).toMatchObject({ status: 201, body: { ...calendar, id } });
    const replaced = await suite.admin.put(`/admin/calendars/${id}`, {
      ...calendar,
      timeZone: 'Europe/Madrid',
    });
    expect(replaced).toMatchObject({ status: 200, body: { id, timeZone: 'Europe/Madrid' } });
    expect((await suite.admin.get('/admin/calendars')).body.items).toContainEqual(replaced.body);
  });

  it('refuses a bad calendar naming each field, and stores nothing', async () => {
    const id = `bad-${randomUUID()}`;
    const refused = await suite.admin.put(`/admin/calendars/${id}`, {
      ...bogotaHours,
      timeZone: 'Mars/Olympus',
      weekly: {
        ...itbxBogota.weekly,
        mon: [
          { from: '08:00', to: '12:00' },
          { from: '11:00', to: '17:00' },
        ],
      },
    });
    expect(refused.status).toBe(422);
    expect(fields(refused.body)).toEqual(['timeZone', 'weekly.mon.1']);
    const renamed = await suite.admin.put(`/admin/calendars/${id}`, { ...itbxBogota, id: 'other' });
    expect(renamed.body.errors).toEqual([{ field: 'id', message: `must be ${id}, the id in the path` }]);
    expect(await suite.db('business_calendars').where({ id })).toHaveLength(0);
  });
});

describe('SLA policies, on a calendar named by id (R16–R21)', () => {
  it('creates a policy that contracts then measure tickets by', async () => {
    const id = `gold-${randomUUID()}`;
    const created = await suite.admin.put(`/admin/sla-policies/${id}`, {
      ...itbxTerms,
      name: 'Gold',
      calendarId: 'itbx-bogota',
      onsiteResponseMinutes: 60,
    });
    expect(created).toMatchObject({ status: 201, body: { id, name: 'Gold', calendarId: 'itbx-bogota' } });
    expect((await suite.admin.get('/admin/sla-policies')).body.items).toContainEqual(created.body);

    const { body: org } = await suite.admin.post('/admin/organizations', { name: `Gold ${randomUUID()}` });
    await suite.admin.post('/admin/contracts', {
      organization: org.name,
      slaPolicyId: id,
      validFrom: '2026-01-01',
    });
    const { loadSlaPolicy } = createSlaPolicyActivities(suite.db, 'customer-support-sop');
    expect(await loadSlaPolicy({ organization: org.name, at: '2026-06-01T12:00:00Z' })).toEqual({
      ...itbxBogotaPolicy,
      id,
      name: 'Gold',
      onsiteResponseMinutes: 60,
      revisions: { policy: 1, calendar: 1 },
    });
    const replaced = await suite.admin.put(`/admin/sla-policies/${id}`, {
      ...itbxTerms,
      name: 'Gold II',
      calendarId: 'itbx-bogota',
    });
    expect(replaced).toMatchObject({ status: 200, body: { name: 'Gold II', revision: 2 } });
    const resent = await suite.admin.put(`/admin/sla-policies/${id}`, replaced.body);
    expect(resent).toMatchObject({ status: 200, body: { name: 'Gold II', revision: 2 } });
  });

  it('refuses a policy naming each bad field, an unknown calendar, or a calendar given whole', async () => {
    const id = `bad-${randomUUID()}`;
    const refused = await suite.admin.put(`/admin/sla-policies/${id}`, {
      ...itbxTerms,
      calendarId: 'itbx-bogota',
      atRiskShare: 1.5,
      tierMinutes: { ...itbxTerms.tierMinutes, TIER_2: 0 },
    });
    expect(fields(refused.body)).toEqual(['tierMinutes.TIER_2', 'atRiskShare']);
    const unknown = await suite.admin.put(`/admin/sla-policies/${id}`, {
      ...itbxTerms,
      calendarId: 'nowhere',
    });
    expect(unknown.body.errors).toEqual([{ field: 'calendarId', message: 'no calendar nowhere' }]);
    const whole = await suite.admin.put(`/admin/sla-policies/${id}`, { ...itbxTerms, calendar: itbxBogota });
    expect(fields(whole.body)).toEqual(['calendar']);
    expect(await suite.db('sla_policies').where({ id })).toHaveLength(0);
  });
});

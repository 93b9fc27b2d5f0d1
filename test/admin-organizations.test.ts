import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useAdminApi } from './support/admin-api';

const suite = useAdminApi();
const fields = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field);

describe('an admin adds and keeps customer organizations', () => {
  it('creates an organization whose id is made from its name', async () => {
    const suffix = randomUUID().slice(0, 8);
    const created = await suite.admin.post('/admin/organizations', {
      name: `Bogotá Café S.A.S. ${suffix}`,
      accountManagerEmail: 'Laura.Perez@Desk.example',
      emailDomains: ['Cafe.example'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: `bogota-cafe-s-a-s-${suffix}`,
      reporterLimit: 2,
      activeRequesters: 0,
      accountManagerEmail: 'laura.perez@desk.example',
      emailDomains: ['cafe.example'],
    });
    expect(created.headers.get('location')).toBe(`/admin/organizations/${created.body.id}`);
    const listed = await suite.admin.get('/admin/organizations');
    expect(listed.body.items).toContainEqual(created.body);
  });

  it('refuses a taken name or id with 409 naming the field, and stores nothing', async () => {
    const name = `Taken ${randomUUID()}`;
    const first = await suite.admin.post('/admin/organizations', { name });
    const sameName = await suite.admin.post('/admin/organizations', { name, id: `other-${first.body.id}` });
    expect(sameName).toMatchObject({ status: 409, body: { errors: [{ field: 'name' }] } });
    const sameId = await suite.admin.post('/admin/organizations', { name: `${name} 2`, id: first.body.id });
    expect(sameId).toMatchObject({ status: 409, body: { errors: [{ field: 'id' }] } });
    expect(await suite.db('organizations').where('name', 'like', `${name}%`)).toHaveLength(1);
  });

  it('names every bad field at once', async () => {
    const refused = await suite.admin.post('/admin/organizations', {
      id: 'Not A Slug',
      reporterLimit: 0,
      accountManagerEmail: 'the manager',
      emailDomains: ['acme'],
      colour: 'red',
    });
    expect(refused.status).toBe(400);
    expect(fields(refused.body).sort()).toEqual([
      'accountManagerEmail',
      'colour',
      'emailDomains.0',
      'id',
      'name',
      'reporterLimit',
    ]);
  });

  it('changes the limit, account manager and domains, but never the name tickets are filed under', async () => {
    const { body: created } = await suite.admin.post('/admin/organizations', {
      name: `Kept ${randomUUID()}`,
    });
    const renamed = await suite.admin.patch(`/admin/organizations/${created.id}`, { name: 'New name' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.errors).toEqual([
      { field: 'name', message: expect.stringContaining('keeps its name') },
    ]);
    const changed = await suite.admin.patch(`/admin/organizations/${created.id}`, {
      reporterLimit: 5,
      accountManagerEmail: 'am@desk.example',
    });
    expect(changed.body).toMatchObject({
      name: created.name,
      reporterLimit: 5,
      accountManagerEmail: 'am@desk.example',
    });
    const cleared = await suite.admin.patch(`/admin/organizations/${created.id}`, {
      accountManagerEmail: null,
    });
    expect(cleared.body).toMatchObject({ reporterLimit: 5, accountManagerEmail: null });
    expect((await suite.admin.patch('/admin/organizations/no-such-org', {})).status).toBe(404);
    expect((await suite.admin.get('/admin/organizations/no-such-org')).status).toBe(404);
  });

  it("an organization with e-mail domains takes only requesters with the company's address (R4)", async () => {
    const { body: org } = await suite.admin.post('/admin/organizations', {
      name: `Domains ${randomUUID()}`,
      emailDomains: ['itbx.example'],
    });
    const person = (email: string) =>
      suite.admin.post('/admin/people', {
        email,
        name: 'Reporter',
        role: 'requester',
        organizationId: org.id,
      });
    const outsider = await person(`someone-${randomUUID()}@gmail.example`);
    expect(outsider).toMatchObject({ status: 422, body: { errors: [{ field: 'email' }] } });
    expect((await person(`someone-${randomUUID()}@itbx.example`)).status).toBe(201);
  });
});

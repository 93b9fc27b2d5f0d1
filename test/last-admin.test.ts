import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { useAdminApi } from './support/admin-api';
import { useOwnDatabase } from './support/own-database';

// Its own database: the desk's admins are counted, and other files add theirs to the shared one.
const suite = useAdminApi({}, await useOwnDatabase('last_admin'));

it('the only active admin cannot deactivate themself; once another admin is active, either may go', async () => {
  const { admin } = suite.people;
  const alone = await suite.admin.post(`/admin/people/${admin.id}/deactivate`);
  expect(alone.status).toBe(409);
  expect(alone.body).toMatchObject({
    error: expect.stringContaining('only active admin'),
    errors: [{ field: 'id', message: 'the only active admin' }],
  });
  expect((await suite.admin.get(`/admin/people/${admin.id}/tokens`)).status).toBe(200);

  const { body: second } = await suite.admin.post('/admin/people', {
    email: `second-admin-${randomUUID()}@desk.example`,
    name: 'Second Admin',
    role: 'admin',
  });
  const { body: issued } = await suite.admin.post(`/admin/people/${second.id}/tokens`, { label: 'laptop' });
  const deactivated = await suite.admin.post(`/admin/people/${admin.id}/deactivate`);
  expect(deactivated.body).toMatchObject({ id: admin.id, active: false });

  const secondAlone = await suite.admin.as(issued.token).post(`/admin/people/${second.id}/deactivate`);
  expect(secondAlone.status).toBe(409);
  const admins = await suite.admin.as(issued.token).get('/admin/people?role=admin&active=true');
  expect(admins.body.items.map((p: { id: string }) => p.id)).toEqual([second.id]);
});

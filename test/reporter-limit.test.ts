import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useAdminApi } from './support/admin-api';

const suite = useAdminApi();

async function organization(reporterLimit?: number): Promise<string> {
  const created = await suite.admin.post('/admin/organizations', {
    name: `ITBX ${randomUUID()}`,
    ...(reporterLimit ? { reporterLimit } : {}),
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

const addRequester = (organizationId: string, name = 'Reporter') =>
  suite.admin.post('/admin/people', {
    email: `${name.toLowerCase()}-${randomUUID()}@itbx.example`,
    name,
    role: 'requester',
    organizationId,
  });

const requestersOf = async (organizationId: string) =>
  (await suite.admin.get(`/admin/people?organizationId=${organizationId}&role=requester`)).body.items;

describe('at most N authorized reporters per organization (R6)', () => {
  it('an organization allows two reporters unless told otherwise, as ITBX does', async () => {
    const id = await organization();
    expect((await suite.admin.get(`/admin/organizations/${id}`)).body).toMatchObject({
      reporterLimit: 2,
      activeRequesters: 0,
    });
  });

  it('one reporter more than the limit is refused with 409 naming the limit, and is not stored', async () => {
    const id = await organization();
    expect((await addRequester(id, 'Camilo')).status).toBe(201);
    expect((await addRequester(id, 'Diana')).status).toBe(201);
    const third = await addRequester(id, 'Esteban');
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ reporterLimit: 2, activeRequesters: 2 });
    expect(third.body.error).toMatch(/already has 2 authorized reporters, its limit of 2 \(R6\)/);
    expect((await requestersOf(id)).map((p: { name: string }) => p.name).sort()).toEqual(['Camilo', 'Diana']);
  });

  it('deactivating a reporter frees a place', async () => {
    const id = await organization();
    const leaving = await addRequester(id, 'Leaving');
    await addRequester(id, 'Staying');
    expect((await addRequester(id)).status).toBe(409);
    expect((await suite.admin.post(`/admin/people/${leaving.body.id}/deactivate`)).status).toBe(200);
    expect((await addRequester(id, 'Successor')).status).toBe(201);
    expect((await suite.admin.get(`/admin/organizations/${id}`)).body.activeRequesters).toBe(2);
  });

  it('agents, managers and admins take no reporter place', async () => {
    const id = await organization(1);
    await addRequester(id);
    const agent = await suite.admin.post('/admin/people', {
      email: `agent-${randomUUID()}@desk.example`,
      name: 'Agent',
      role: 'agent',
      agentKind: 'tier-2',
    });
    expect(agent.status).toBe(201);
    expect((await suite.admin.get(`/admin/organizations/${id}`)).body.activeRequesters).toBe(1);
  });

  it('the limit is raised by the admin, and cannot be lowered below the reporters already authorized', async () => {
    const id = await organization();
    await addRequester(id);
    await addRequester(id);
    const lowered = await suite.admin.patch(`/admin/organizations/${id}`, { reporterLimit: 1 });
    expect(lowered.status).toBe(409);
    expect(lowered.body.errors).toEqual([{ field: 'reporterLimit', message: 'at least 2' }]);
    expect((await suite.admin.patch(`/admin/organizations/${id}`, { reporterLimit: 3 })).status).toBe(200);
    expect((await addRequester(id)).status).toBe(201);
    expect((await addRequester(id)).status).toBe(409);
  });

  it('two admins adding a reporter for the last place at once: one gets it, the other is refused', async () => {
    const id = await organization();
    await addRequester(id);
    const answers = await Promise.all([addRequester(id, 'First'), addRequester(id, 'Second')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await requestersOf(id)).toHaveLength(2);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useAdminApi } from './support/admin-api';

const suite = useAdminApi();
const email = (who: string) => `${who}-${randomUUID()}@desk.example`;
const fields = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();

describe('an admin adds people of every role', () => {
  it('adds an agent of a kind, with the address lower-cased', async () => {
    const address = email('Maria.Tier2');
    const created = await suite.admin.post('/admin/people', {
      email: address,
      name: 'María',
      role: 'agent',
      agentKind: 'tier-2',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: address.toLowerCase(),
      role: 'agent',
      agentKind: 'tier-2',
      organization: null,
      active: true,
    });
    const listed = await suite.admin.get('/admin/people?role=agent&active=true');
    expect(listed.body.items).toContainEqual(created.body);
  });

  it('refuses a person whose role and organization or kind do not fit, naming the field', async () => {
    // 400 for what the document's schema refuses; 422 for a well-formed person whose fields do not fit.
    const cases: [Record<string, unknown>, string[], number][] = [
      [{ role: 'requester' }, ['organizationId'], 422],
      [{ role: 'manager', organizationId: suite.people.acme.organization.id }, ['organizationId'], 422],
      [{ role: 'agent' }, ['agentKind'], 422],
      [{ role: 'admin', agentKind: 'tier-1' }, ['agentKind'], 422],
      [{ role: 'agent', agentKind: 'tier-9' }, ['agentKind'], 400],
      [{ role: 'owner' }, ['role'], 400],
      [{ role: 'requester', organizationId: 'no-such-org' }, ['organizationId'], 422],
    ];
    for (const [person, expected, status] of cases) {
      const address = email('refused');
      const refused = await suite.admin.post('/admin/people', { email: address, name: 'Refused', ...person });
      expect(refused.status, JSON.stringify(person)).toBe(status);
      expect(fields(refused.body)).toEqual(expected);
      expect(await suite.db('people').where({ email: address })).toHaveLength(0);
    }
    const empty = await suite.admin.post('/admin/people', { email: 'not-an-address' });
    expect(fields(empty.body)).toEqual(['email', 'name', 'role']);
  });

  it('an address is known once, however it is spelt', async () => {
    const address = email('twice');
    await suite.admin.post('/admin/people', { email: address, name: 'Once', role: 'manager' });
    const again = await suite.admin.post('/admin/people', {
      email: address.toUpperCase(),
      name: 'Twice',
      role: 'manager',
    });
    expect(again).toMatchObject({
      status: 409,
      body: { errors: [{ field: 'email', message: 'already taken' }] },
    });
  });
});

describe('personal API tokens', () => {
  it('a token is shown once, works at once, and stops working when revoked', async () => {
    const { body: person } = await suite.admin.post('/admin/people', {
      email: email('token'),
      name: 'Tok',
      role: 'manager',
    });
    const issued = await suite.admin.post(`/admin/people/${person.id}/tokens`, { label: 'laptop' });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^tf_[A-Za-z0-9_-]{43}$/);
    const stored = await suite.db('api_tokens').where({ id: issued.body.id }).first();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(issued.body.token);

    const me = await suite.admin.as(issued.body.token).get('/admin/organizations');
    expect(me.status).toBe(403);
    const listed = await suite.admin.get(`/admin/people/${person.id}/tokens`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: issued.body.id, label: 'laptop', revokedAt: null }),
    ]);
    expect(listed.body.items[0]).not.toHaveProperty('token');
    expect(listed.body.items[0].lastUsedAt).not.toBeNull();

    const revoked = await suite.admin.post(`/admin/tokens/${issued.body.id}/revoke`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await suite.admin.as(issued.body.token).get('/admin/organizations')).status).toBe(401);
    const again = await suite.admin.post(`/admin/tokens/${issued.body.id}/revoke`);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
  });

  it('a token needs a label, and an unknown person or token answers 404', async () => {
    const { id } = suite.people.manager;
    expect((await suite.admin.post(`/admin/people/${id}/tokens`, {})).body.errors).toEqual([
      { field: 'label', message: 'required' },
    ]);
    expect((await suite.admin.post(`/admin/people/${randomUUID()}/tokens`, { label: 'x' })).status).toBe(404);
    expect((await suite.admin.post('/admin/people/not-a-uuid/deactivate')).status).toBe(404);
    expect((await suite.admin.post(`/admin/tokens/${randomUUID()}/revoke`)).status).toBe(404);
  });

  it('deactivating a person ends every token they hold, and no new one is issued to them', async () => {
    const { body: person } = await suite.admin.post('/admin/people', {
      email: email('gone'),
      name: 'Gone',
      role: 'admin',
    });
    const tokens = await Promise.all(
      ['phone', 'laptop'].map(
        async (label) => (await suite.admin.post(`/admin/people/${person.id}/tokens`, { label })).body,
      ),
    );
    const deactivated = await suite.admin.post(`/admin/people/${person.id}/deactivate`);
    expect(deactivated.body).toMatchObject({ id: person.id, active: false });
    for (const { token } of tokens)
      expect((await suite.admin.as(token).get('/admin/people')).status).toBe(401);
    const listed = await suite.admin.get(`/admin/people/${person.id}/tokens`);
    expect(listed.body.items.every((t: { revokedAt: string | null }) => t.revokedAt !== null)).toBe(true);
    const refused = await suite.admin.post(`/admin/people/${person.id}/tokens`, { label: 'new' });
    expect(refused.status).toBe(409);
  });
});

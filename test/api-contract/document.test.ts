import { describe, expect, it } from 'vitest';
import { useOwnDatabase } from '../support/own-database';
import { useTicketStack } from '../support/ticket-stack';

// schemathesis checks every operation for each role in the files beside this one. The organization this
// file reads back before and after a PATCH is on a database of its own, where no other file changes it.
const suite = useTicketStack({ databaseUrl: await useOwnDatabase('contract_document') });

describe('what the document says of every operation', () => {
  it('a documented path asked with a method it lacks answers 405 with the methods it has', async () => {
    const answer = await fetch(`${suite.stack.baseUrl}/tickets/TF-100001`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${suite.people.agent.token}` },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
    const unknown = await suite.api.get('/no-such-path');
    expect(unknown.status).toBe(404);
  });

  it('a PATCH without a body is refused naming the body, and {} changes nothing', async () => {
    const admin = suite.api.as(suite.people.admin.token);
    const path = `/admin/organizations/${suite.people.acme.organization.id}`;
    const before = await admin.get(path);
    const refused = await fetch(`${suite.stack.baseUrl}${path}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${suite.people.admin.token}` },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors).toMatchObject([
      { field: 'body' },
    ]);
    expect(await admin.patch(path, {})).toMatchObject({ status: 200, body: before.body });
  });
});

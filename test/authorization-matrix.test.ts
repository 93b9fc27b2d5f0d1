import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionNames } from '../workflows/messages';
import type { Answer, ApiClient } from './support/http';
import type { Customer } from './support/people';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();

const callers = ['none', 'revoked', 'requester', 'stranger', 'agent', 'manager', 'admin'] as const;
type Caller = (typeof callers)[number];
type Expected = Record<Caller, number>;

let clients: Record<Caller, ApiClient>;
let own: Customer;
let number: string;
let contractId: string;

/** Whom a request is for: the requester's own ticket; the stranger is another organization's requester. */
beforeAll(async () => {
  const { people, api } = suite;
  own = await people.customer('Matrix');
  const stranger = await people.customer('Stranger');
  const admin = api.as(people.admin.token);
  const leaver = await admin.post('/admin/people', {
    email: `leaver-${randomUUID()}@desk.example`,
    name: 'Leaver',
    role: 'agent',
    agentKind: 'tier-1',
  });
  const issued = await admin.post(`/admin/people/${leaver.body.id}/tokens`, { label: 'laptop' });
  expect((await admin.post(`/admin/tokens/${issued.body.id}/revoke`)).status).toBe(200);
  clients = {
    none: api.as(''),
    revoked: api.as(issued.body.token),
    requester: api.as(own.requester.token),
    stranger: api.as(stranger.requester.token),
    agent: api,
    manager: api.as(people.manager.token),
    admin,
  };
  number = (await api.post('/tickets', own.intake())).body.number;
  const contract = await admin.post('/admin/contracts', {
    organization: own.organization.name,
    slaPolicyId: 'itbx-bogota',
    validFrom: '2026-01-01',
  });
  contractId = contract.body.id;
});

const signedIn = (statuses: Omit<Expected, 'none' | 'revoked'>): Expected => ({
  none: 401,
  revoked: 401,
  ...statuses,
});
const open: Expected = Object.fromEntries(callers.map((caller) => [caller, 200])) as Expected;
const adminOnly = (status: number) =>
  signedIn({ requester: 403, stranger: 403, agent: 403, manager: 403, admin: status });

// An allowed caller's request is refused by its body (400) or finds nothing (404), so the matrix changes
// nothing it reads: each status says how far the caller got.
const bogus = { bogus: true };
const nobodyId = '00000000-0000-4000-8000-000000000000';

type Call = (client: ApiClient) => Promise<Answer>;
const get =
  (path: () => string): Call =>
  (client) =>
    client.get(path());
const post =
  (path: () => string, body: unknown = bogus): Call =>
  (client) =>
    client.post(path(), body);
const patch =
  (path: () => string): Call =>
  (client) =>
    client.patch(path(), bogus);
const put =
  (path: () => string): Call =>
  (client) =>
    client.put(path(), bogus);

const customerAction = signedIn({ requester: 400, stranger: 404, agent: 400, manager: 400, admin: 403 });
const deskAction = signedIn({ requester: 403, stranger: 403, agent: 400, manager: 400, admin: 403 });
const actionExpectations: Record<string, Expected> = {
  accept: signedIn({ requester: 400, stranger: 404, agent: 403, manager: 403, admin: 403 }),
  reject: customerAction,
  'provide-info': customerAction,
  reply: customerAction,
  decide: signedIn({ requester: 403, stranger: 403, agent: 403, manager: 400, admin: 403 }),
};

const matrix: [string, Call, Expected][] = [
  ['GET /health', get(() => '/health'), open],
  ['GET /metrics', get(() => '/metrics'), open],
  ['GET /openapi.json', get(() => '/openapi.json'), open],
  [
    'GET /me',
    get(() => '/me'),
    signedIn({ requester: 200, stranger: 200, agent: 200, manager: 200, admin: 200 }),
  ],
  [
    'POST /tickets',
    post(() => '/tickets'),
    signedIn({ requester: 400, stranger: 400, agent: 400, manager: 400, admin: 403 }),
  ],
  [
    'GET /tickets',
    get(() => '/tickets'),
    signedIn({ requester: 200, stranger: 200, agent: 200, manager: 200, admin: 403 }),
  ],
  [
    'GET /tickets/{number}',
    get(() => `/tickets/${number}`),
    signedIn({ requester: 200, stranger: 404, agent: 200, manager: 200, admin: 403 }),
  ],
  [
    'GET /tickets/{number}/dossiers',
    get(() => `/tickets/${number}/dossiers`),
    signedIn({ requester: 403, stranger: 403, agent: 403, manager: 200, admin: 403 }),
  ],
  [
    'GET /queue',
    get(() => '/queue'),
    signedIn({ requester: 403, stranger: 403, agent: 200, manager: 200, admin: 403 }),
  ],
  [
    'GET /parts',
    get(() => '/parts'),
    signedIn({ requester: 200, stranger: 200, agent: 200, manager: 200, admin: 403 }),
  ],
  ...actionNames.map((action): [string, Call, Expected] => [
    `POST /tickets/{number}/actions/${action}`,
    post(() => `/tickets/${number}/actions/${action}`),
    actionExpectations[action] ?? deskAction,
  ]),
  ['GET /admin/organizations', get(() => '/admin/organizations'), adminOnly(200)],
  ['POST /admin/organizations', post(() => '/admin/organizations'), adminOnly(400)],
  ['GET /admin/organizations/{id}', get(() => `/admin/organizations/${own.organization.id}`), adminOnly(200)],
  [
    'PATCH /admin/organizations/{id}',
    patch(() => `/admin/organizations/${own.organization.id}`),
    adminOnly(400),
  ],
  ['GET /admin/people', get(() => '/admin/people'), adminOnly(200)],
  ['POST /admin/people', post(() => '/admin/people'), adminOnly(400)],
  [
    'POST /admin/people/{id}/deactivate',
    post(() => `/admin/people/${nobodyId}/deactivate`, {}),
    adminOnly(404),
  ],
  ['GET /admin/people/{id}/tokens', get(() => `/admin/people/${own.requester.id}/tokens`), adminOnly(200)],
  ['POST /admin/people/{id}/tokens', post(() => `/admin/people/${own.requester.id}/tokens`), adminOnly(400)],
  ['POST /admin/tokens/{id}/revoke', post(() => `/admin/tokens/${nobodyId}/revoke`, {}), adminOnly(404)],
  ['GET /admin/contracts', get(() => '/admin/contracts'), adminOnly(200)],
  ['POST /admin/contracts', post(() => '/admin/contracts'), adminOnly(400)],
  ['PATCH /admin/contracts/{id}', patch(() => `/admin/contracts/${contractId}`), adminOnly(400)],
  ['GET /admin/calendars', get(() => '/admin/calendars'), adminOnly(200)],
  ['PUT /admin/calendars/{id}', put(() => '/admin/calendars/matrix'), adminOnly(400)],
  ['GET /admin/sla-policies', get(() => '/admin/sla-policies'), adminOnly(200)],
  ['PUT /admin/sla-policies/{id}', put(() => '/admin/sla-policies/matrix'), adminOnly(400)],
];

describe('who may call what (R24)', () => {
  it.each(matrix)('%s answers each caller as the table says', async (_route, call, expected) => {
    const answers = Object.fromEntries(
      await Promise.all(callers.map(async (caller) => [caller, (await call(clients[caller])).status])),
    );
    expect(answers).toEqual(expected);
  });

  it('answers 401 with a Bearer challenge, naming an unknown or revoked token as invalid', async () => {
    const missing = await clients.none.get('/me');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const revoked = await clients.revoked.get('/me');
    expect(revoked.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    const malformed = await clients.none.get('/me', { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(malformed.status).toBe(401);
  });

  it("another organization's ticket is exactly as missing as one that does not exist", async () => {
    const theirs = await clients.stranger.get(`/tickets/${number}`);
    const missing = await clients.stranger.get('/tickets/TF-0');
    expect(theirs.body).toEqual({ error: `ticket ${number} not found` });
    expect(missing.body).toEqual({ error: 'ticket TF-0 not found' });
    const acted = await clients.stranger.act(number, 'reply', { message: 'Is it fixed?' });
    expect(acted).toMatchObject({ status: 404, body: { error: `ticket ${number} not found` } });
    expect((await clients.agent.get(`/tickets/${number}`)).body.timeline).toHaveLength(1);
  });

  it("a requester's list holds their organization's tickets only, whatever organization they ask for", async () => {
    const mine = await clients.requester.get('/tickets?limit=100');
    expect(mine.body.items.map((t: { number: string }) => t.number)).toEqual([number]);
    const theirs = await clients.stranger.get('/tickets?limit=100');
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    const asked = await clients.stranger.get(
      `/tickets?organization=${encodeURIComponent(own.organization.name)}`,
    );
    expect(asked.body).toMatchObject({ items: [], total: 0 });
  });

  it('GET /me answers who the token belongs to', async () => {
    expect((await clients.requester.get('/me')).body).toEqual({
      id: own.requester.id,
      name: own.requester.name,
      email: own.requester.email,
      role: 'requester',
      organization: own.organization,
      agentKind: null,
    });
    expect((await clients.agent.get('/me')).body).toMatchObject({ role: 'agent', agentKind: 'tier-1' });
  });
});

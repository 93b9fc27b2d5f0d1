import { beforeAll, describe, expect, it } from 'vitest';
import { actionNames } from '../workflows/messages';
import {
  get,
  nobodyId,
  open,
  patch,
  post,
  put,
  signedIn,
  statusesOf,
  useCallers,
  type Call,
  type Caller,
  type Expected,
} from './support/authorization';
import type { ApiClient } from './support/http';
import type { Customer } from './support/people';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
const matrixCallers = useCallers(suite);

let clients: Record<Caller, ApiClient>;
let own: Customer;
let number: string;
let contractId: string;

/** Whom a request is for: the requester's own ticket and their organization's contract. */
beforeAll(async () => {
  ({ clients, own } = matrixCallers);
  number = (await suite.api.post('/tickets', own.intake())).body.number;
  const contract = await clients.admin.post('/admin/contracts', {
    organization: own.organization.name,
    slaPolicyId: 'itbx-bogota',
    validFrom: '2026-01-01',
  });
  contractId = contract.body.id;
});

const adminOnly = (status: number) =>
  signedIn({ requester: 403, stranger: 403, agent: 403, manager: 403, admin: status });

const customerAction = signedIn({ requester: 400, stranger: 404, agent: 400, manager: 400, admin: 403 });
const deskAction = signedIn({ requester: 403, stranger: 403, agent: 400, manager: 400, admin: 403 });
const actionExpectations: Record<string, Expected> = {
  accept: signedIn({ requester: 400, stranger: 404, agent: 403, manager: 403, admin: 403 }),
  reject: customerAction,
  'provide-info': customerAction,
  reply: customerAction,
  // The client answers the plan; the desk may record an answer given by phone (R8).
  'approve-plan': customerAction,
  'decline-plan': customerAction,
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
    expect(await statusesOf(call, clients, number)).toEqual(expected);
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

import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Answer, ApiClient } from './http';
import type { Customer, Desk } from './people';

/** Everyone an authorization matrix asks; the stranger is another organization's requester. */
export const callers = ['none', 'revoked', 'requester', 'stranger', 'agent', 'manager', 'admin'] as const;
export type Caller = (typeof callers)[number];
export type Expected = Record<Caller, number>;

export const signedIn = (statuses: Omit<Expected, 'none' | 'revoked'>): Expected => ({
  none: 401,
  revoked: 401,
  ...statuses,
});
/** The same status for every caller, token or none: a route that does not look at who calls. */
export const everyone = (status: number) =>
  Object.fromEntries(callers.map((caller) => [caller, status])) as Expected;
export const open = everyone(200);

// An allowed caller's request is refused by its body (400) or finds nothing (404), so the matrix changes
// nothing it reads: each status says how far the caller got.
export const bogus = { bogus: true };
export const nobodyId = '00000000-0000-4000-8000-000000000000';

/** One request by `client`; a route on a ticket asks about `ticket`, the others ignore it. */
export type Call = (client: ApiClient, ticket: string) => Promise<Answer>;
export type Path = (ticket: string) => string;
/** A matrix row: the route as OpenAPI writes it, one request to it, and each caller's status. */
export type Row = [route: string, call: Call, expected: Expected];
export const get =
  (path: Path): Call =>
  (client, ticket) =>
    client.get(path(ticket));
export const post =
  (path: Path, body: unknown = bogus): Call =>
  (client, ticket) =>
    client.post(path(ticket), body);
export const patch =
  (path: Path): Call =>
  (client, ticket) =>
    client.patch(path(ticket), bogus);
export const put =
  (path: Path): Call =>
  (client, ticket) =>
    client.put(path(ticket), bogus);

export interface Callers {
  clients: Record<Caller, ApiClient>;
  /** The requester's organization. */
  own: Customer;
}

/** The matrix's callers, ready before the file's own `beforeAll`; `revoked` holds an agent's revoked token. */
export function useCallers(suite: { api: ApiClient; people: Desk }): Callers {
  const ready = {} as Callers;
  beforeAll(async () => {
    const { people, api } = suite;
    ready.own = await people.customer('Matrix');
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
    ready.clients = {
      none: api.as(''),
      revoked: api.as(issued.body.token),
      requester: api.as(ready.own.requester.token),
      stranger: api.as(stranger.requester.token),
      agent: api,
      manager: api.as(people.manager.token),
      admin,
    };
  });
  return ready;
}

/** Each caller's status for one call, all at once. */
export async function statusesOf(call: Call, clients: Record<Caller, ApiClient>, ticket: string) {
  const statuses = await Promise.all(
    callers.map(async (caller) => [caller, (await call(clients[caller], ticket)).status]),
  );
  return Object.fromEntries(statuses) as Expected;
}

/** The answer about `ticket` with its number written as `{number}`, to compare with the answer about another. */
export async function answerAbout(call: Call, client: ApiClient, ticket: string) {
  const { status, body } = await call(client, ticket);
  return { status, body: JSON.parse(JSON.stringify(body ?? null).replaceAll(ticket, '{number}')) as unknown };
}

/**
 * A matrix's two checks: every row answers each caller as it says, and every route on a ticket answers
 * another organization's requester exactly as it answers about a ticket that does not exist. `ticket()`
 * is the requester's own ticket, read when the tests run.
 */
export function itAnswersAsTheTable(rows: Row[], onTicket: Row[], matrix: Callers, ticket: () => string) {
  it.each(rows)('%s answers each caller as the table says', async (_route, call, expected) => {
    expect(await statusesOf(call, matrix.clients, ticket())).toEqual(expected);
  });

  it.each(onTicket)(
    "%s answers another organization's requester exactly as for a missing ticket",
    async (_route, call) => {
      const { stranger } = matrix.clients;
      expect(await answerAbout(call, stranger, ticket())).toEqual(await answerAbout(call, stranger, 'TF-0'));
    },
  );
}

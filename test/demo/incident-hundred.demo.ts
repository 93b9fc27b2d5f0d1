import { describe, expect, it } from 'vitest';
import {
  expectEachRequesterSeesOnlyTheirOwn,
  lettersOf,
  linkTicketsOf,
  oneLetterEach,
  type LinkedTicket,
} from '../support/incident-desk';
import { useTicketStack } from '../support/ticket-stack';

// `npm run incident-demo`: the showing at full size, too slow for the suite on a busy machine. One outage,
// a hundred tickets from five organizations, told and closed together; the figures are printed.
const suite = useTicketStack({ updateDeadlineMs: 60_000 });
const figures: Record<string, string> = {};

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  figures[name] = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  return result;
}

describe('a major incident with a hundred tickets', () => {
  it('sends one status letter per ticket per update and closes them through their own testing', async () => {
    const { api, people, stack } = suite;
    const manager = api.as(people.manager.token);
    const customers = await Promise.all(
      ['Plant', 'Shop', 'Port', 'Bank', 'Clinic'].map((l) => people.customer(l)),
    );
    const declared = await api.post('/incidents', {
      title: 'ERP down',
      impact: 'All clients',
      service: 'ERP',
    });
    const incident = declared.body.number as string;
    const tickets: LinkedTicket[] = await timed('open and link 100 tickets', () =>
      linkTicketsOf(api, incident, customers, 20),
    );
    const numbers = tickets.map((t) => t.number);
    await timed('set priority P1 on 100', () =>
      manager.post(`/incidents/${incident}/actions/set-priority`, {
        priority: 'P1',
        reason: 'no workaround',
      }),
    );
    for (const message of ['Failing over.', 'Replica restoring.']) {
      const posted = await timed(`post update "${message}"`, () =>
        api.post(`/incidents/${incident}/actions/post-update`, { message }),
      );
      expect(posted.status).toBe(200);
    }
    const letters = await lettersOf(stack.db, numbers, 'status-update');
    expect(letters.sort()).toEqual([...oneLetterEach(tickets), ...oneLetterEach(tickets)].sort());
    figures['status letters for 2 updates'] = String(letters.length);
    const publicText = {
      title: 'ERP down',
      service: 'ERP',
      lastUpdate: { message: 'Replica restoring.', at: expect.any(String) },
      resolvedAt: null,
    };
    await timed('5 requesters read their 100 tickets', () =>
      expectEachRequesterSeesOnlyTheirOwn(api, incident, tickets, publicText, 'All clients'),
    );
    const resolved = await timed('resolve: 100 solutions proposed', () =>
      api.post(`/incidents/${incident}/actions/resolve`, { solution: 'Failed over to the replica.' }),
    );
    expect(resolved.body.status).toBe('resolved');
    await timed('100 clients accept, 100 tickets closed', async () => {
      for (let i = 0; i < tickets.length; i += 10) {
        await Promise.all(
          tickets.slice(i, i + 10).map(async (t) => {
            expect((await api.act(t.number, 'accept', {}, t.customer.requester.token)).status).toBe(200);
            expect((await api.act(t.number, 'close', { resolution: 'Failed over.' })).body.stage).toBe(
              'CLOSED',
            );
          }),
        );
      }
    });
    const history = await stack.client.workflow.getHandle(incident).fetchHistory();
    figures['incident history events'] = String(history.events?.length);
    figures['testing letters'] = String((await lettersOf(stack.db, numbers, 'testing-requested')).length);
    console.info(
      `incident ${incident}\n${Object.entries(figures)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join('\n')}`,
    );
  }, 900_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDemoTokens, seedDemoDesk, type DemoToken } from '../dev/demo-desk';
import { meRoutes } from '../api/admin/me-routes';
import { createDb, type Db } from '../lib/db';
import { apiClient } from './support/http';
import { useOwnDatabase } from './support/own-database';
import { serveRouter, type RouterServer } from './support/router-server';

// A database of its own: the demo's organizations and people would otherwise meet other files' seeds.
const databaseUrl = await useOwnDatabase('demo');
let db: Db;
let server: RouterServer;
let first: DemoToken[];
let second: DemoToken[];

beforeAll(async () => {
  db = createDb(databaseUrl);
  server = await serveRouter(meRoutes({ db }));
  first = await seedDemoDesk(db);
  second = await seedDemoDesk(db);
});
afterAll(async () => {
  await server?.close();
  await db?.destroy();
});

const me = (token: string) => apiClient(server.baseUrl, token).get('/me');

describe('the demo desk npm start opens with', () => {
  it('has one customer per seed under its policy, the Bogotá one limited to two reporters', async () => {
    const contracts = await db('contracts as c')
      .join('organizations as o', 'o.name', 'c.organization')
      .orderBy('o.name')
      .select('o.name', 'c.sla_policy_id', 'o.reporter_limit', 'c.valid_to');
    expect(contracts).toEqual([
      { name: 'ACME Logistics', sla_policy_id: 'customer-support-sop', reporter_limit: 2, valid_to: null },
      { name: 'Andina Textiles', sla_policy_id: 'itbx-bogota', reporter_limit: 2, valid_to: null },
      { name: 'BROCENT Retail', sla_policy_id: 'brocent-24x7', reporter_limit: 3, valid_to: null },
    ]);
  });

  it('has a person of every role and agent kind, seeded once however often it starts', async () => {
    const kinds = second.map((t) => t.agentKind ?? t.role);
    expect(new Set(kinds)).toEqual(
      new Set([
        'requester',
        'tier-1',
        'tier-2',
        'tier-3',
        'field-engineer',
        'second-line',
        'manager',
        'admin',
      ]),
    );
    expect(await db('people').count({ n: '*' })).toEqual([{ n: String(second.length) }]);
  });

  it("each start's tokens work for their person, and the previous start's no longer do", async () => {
    for (const demo of second) {
      const answer = await me(demo.token);
      expect(answer.status, demo.email).toBe(200);
      expect(answer.body).toMatchObject({ email: demo.email, role: demo.role, agentKind: demo.agentKind });
    }
    for (const demo of first) expect((await me(demo.token)).status, demo.email).toBe(401);
  });

  it('prints each token beside its role and e-mail', () => {
    const printed = formatDemoTokens(second);
    for (const demo of second) expect(printed).toMatch(new RegExp(`${demo.email}\\s+${demo.token}`));
    expect(printed).toContain('requester · Andina Textiles');
    expect(printed).toContain('agent · field-engineer');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRoutes } from '../api/reports/routes';
import { apiClient, type ApiClient } from './support/http';
import { hireFieldTeam } from './support/onsite';
import { useOwnDatabase } from './support/own-database';
import { seedDesk } from './support/people';
import { serveRouter, type RouterServer } from './support/router-server';
import { day, iso, minutes } from './support/sla-report-tickets';
import { act, startTimeSkipping, withWorker, type TimeSkipping } from './support/time-skipping';

// Two paths where the ladder is not plain Tier 1 onwards, on brocent-24x7 (plain minutes: P3 response 120,
// resolution 1440; Onsite frame 240, onsite promise 120). W asks for field work: it starts at Onsite and
// climbs to the manager when the Onsite frame runs out, at 240. P waits on its plan's approval, which the
// contract lets pause the resolution clock and the tier frame (R8), so nothing comes due before the
// client approves it at 300.
const databaseUrl = await useOwnDatabase('reports_what_if_paths');
let ts: TimeSkipping | undefined;
let server: RouterServer | undefined;
let manager: ApiClient;
const numbers: Record<string, string> = {};
let received = 0;

beforeAll(async () => {
  ts = await startTimeSkipping(databaseUrl);
  const desk = await seedDesk(ts.db);
  const { organization } = await desk.customer('Paths');
  await ts.db('contracts').insert({
    organization: organization.name,
    sla_policy_id: 'brocent-24x7',
    valid_from: '2000-01-01',
  });
  await hireFieldTeam(ts.db, organization.name);
  server = await serveRouter(reportRoutes({ db: ts.db }));
  manager = apiClient(server.baseUrl, desk.manager.token);
  const env = ts.env;
  await withWorker(ts, async (open) => {
    received = await env.currentTimeMs();
    const fieldWork = { scope: 'Replace the core switch', preferredOnsiteResponse: '2h' };
    numbers.W = (await open(organization.name, 'P3', { fieldWork })).workflowId;
    const p = await open(organization.name, 'P3');
    numbers.P = p.workflowId;
    await act(p, 'assign', { engineer: 'eng.maria' });
    await act(p, 'start-analysis', {});
    const start = received + minutes(60 * 24 * 7);
    const activity = {
      title: 'Swap the switch',
      owner: 'eng.maria',
      start: iso(start),
      end: iso(start + minutes(60)),
    };
    await act(p, 'draft-plan', { objective: 'Swap it overnight', activities: [activity] });
    await env.sleep(minutes(300));
    await act(p, 'approve-plan', {}, 'ana.ruiz@acme.example');
  });
  const w = await ts.db('tickets').where({ number: numbers.W }).first('received_at');
  received = w.received_at.getTime();
});

afterAll(async () => {
  await server?.close();
  await ts?.teardown();
});

const ask = (proposed: unknown) =>
  manager.post('/reports/what-if', { from: day(received), to: day(received), proposed });

describe('the what-if replay on paths off the plain ladder', () => {
  it('by the tickets’ own policy, finds what the desk recorded: one Onsite frame run out, no phantom rungs', async () => {
    const recorded = await ts!
      .db('ticket_events')
      .where({ type: 'escalated' })
      .select('ticket_number', 'data');
    expect(recorded.map((e) => [e.ticket_number, e.data.from, e.data.automatic])).toEqual([
      [numbers.W, 'ONSITE', true],
    ]);
    const answer = await ask({ policyId: 'brocent-24x7' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ tickets: 2, approximate: 0, changes: [] });
    // W: its response clock ran out at 120 (dispatch is no first contact), its Onsite frame at 240.
    expect(answer.body.rows).toEqual([
      expect.objectContaining({ priority: 'P3', tier: 'ONSITE', responseBreachesBefore: 1 }),
      expect.objectContaining({ priority: 'P3', tier: 'MANAGER', managerDecisionsBefore: 1 }),
    ]);
    expect(answer.body.rows[0].automaticEscalationsBefore).toBe(1);
  });

  it('keeps the Onsite frame from ending before the onsite promise, as the workflow does (R21)', async () => {
    const answer = await ask({ tierMinutes: { ONSITE: 60 } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    // A 60-minute frame still lasts the 120-minute promise: W climbs at 120 instead of 240.
    expect(answer.body.changes).toEqual([
      expect.objectContaining({
        number: numbers.W,
        approximate: `the proposal escalates it automatically from ONSITE at ${iso(received + minutes(120))}, where it really climbed at ${iso(received + minutes(240))}`,
      }),
    ]);
  });
});

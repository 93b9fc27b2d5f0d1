import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFieldDispatchActivities } from '../activities/field-dispatch';
import { createManagerDossierActivities } from '../activities/manager-dossier';
import { findDossiers } from '../desk/tickets/dossiers';
import { createTicketProjection } from '../activities/ticket-projection';
import { dossierRoutes } from '../api/tickets/dossier-routes';
import type { TicketIntake } from '../domain/ticket';
import type { TicketEvent } from '../domain/ticket-events';
import type { TicketSnapshot } from '../domain/ticket-view';
import { createDb } from '../lib/db';
import { apiClient } from './support/http';
import { testMailSettings } from './support/mail';
import { seedDesk, type Desk } from './support/people';
import { validIntake } from './support/intake';
import { serveRouter, type RouterServer } from './support/router-server';

const db = createDb(inject('databaseUrl'));
let server: RouterServer;
let desk: Desk;
afterAll(async () => {
  await server?.close();
  await db.destroy();
});

const { recordTicketChange } = createTicketProjection(db, testMailSettings());
const { compileManagerDossier } = createManagerDossierActivities(db);

const organization = `Org ${randomUUID()}`;
const intake = validIntake({ organization }) as unknown as TicketIntake;
const requester = intake.requester.email;
const number = `TF-DOSSIER-${randomUUID()}`;

/** R8: a plan whose activity ran past its planned end; the manager sees it, and that it is overdue. */
const overduePlan: TicketSnapshot['plan'] = {
  revision: 1,
  objective: 'Replace the failing controller',
  status: 'approved',
  drafted: { by: 'maria', at: at(31) },
  answer: { approved: true, by: requester, at: at(32), via: 'portal' },
  previousDecline: null,
  activities: [
    {
      id: 1,
      title: 'Swap the controller',
      owner: 'maria',
      start: at(33),
      end: at(34),
      onSite: true,
      specialHours: false,
      status: 'started',
      started: { by: 'maria', at: at(33), note: 'on site' },
      completed: null,
      overdue: true,
    },
  ],
};

function snapshot(version: number, tier: TicketSnapshot['tier']): TicketSnapshot {
  return {
    number,
    stage: 'ANALYSIS',
    priority: 'P2',
    tier,
    assignee: null,
    organization,
    channel: intake.channel,
    intake,
    solution: null,
    verification: null,
    resolution: null,
    stageEnteredAt: { OPEN: at(10), ANALYSIS: at(30) },
    receivedAt: at(10),
    allowedActions: ['assign'],
    sla: null,
    plan: overduePlan,
    incident: null,
    held: null,
    version,
  };
}

function at(minute: number): string {
  return new Date(Date.UTC(2026, 10, 24, 13, minute)).toISOString();
}

const event = (
  seq: number,
  type: TicketEvent['type'],
  actor: string,
  data: Record<string, unknown> = {},
  notify?: TicketEvent['notify'],
): TicketEvent => ({
  seq,
  type,
  stage: seq < 3 ? 'OPEN' : 'ANALYSIS',
  actor,
  at: at(seq * 10),
  data,
  notify,
});

const escalated = (seq: number, from: string, to: string, actor = 'system') =>
  event(seq, 'escalated', actor, { from, to, reason: 'the time frame ran out' }, 'escalated');

/** The story the workflow would have told: Tier 1 → Tier 2 → Tier 3 → Onsite → the manager (R19). */
const earlyEvents = [
  event(1, 'opened', requester, {}, 'acknowledgement'),
  event(2, 'assigned', 'lead@desk.example', { engineer: 'maria' }),
  event(3, 'analysis-started', 'maria'),
  escalated(4, 'TIER_1', 'TIER_2'),
];
const laterEvents = [
  event(5, 'assigned', 'lead@desk.example', { engineer: 'tomas' }),
  escalated(6, 'TIER_2', 'TIER_3', 'tomas'),
  escalated(7, 'TIER_3', 'ONSITE'),
  escalated(8, 'ONSITE', 'MANAGER'),
];

const dispatched = {
  id: `fe-${randomUUID()}`,
  name: 'Lucía Díaz',
  email: `lucia-${randomUUID()}@desk.example`,
};

beforeAll(async () => {
  server = await serveRouter(dossierRoutes({ db }));
  desk = await seedDesk(db);
  // Projected out of order, as retried activities may be: the dossier still tells the story in order.
  await recordTicketChange({ snapshot: snapshot(2, 'MANAGER'), events: laterEvents });
  await recordTicketChange({ snapshot: snapshot(1, 'TIER_2'), events: earlyEvents });
  await db('field_engineers').insert({ ...dispatched, organizations: [organization] });
  await createFieldDispatchActivities(db).dispatchFieldEngineer({
    dispatchId: `${number}/onsite/3`,
    ticketNumber: number,
    organization,
    promiseDue: at(190),
  });
});

describe('the dossier for the IT manager decision point (R20)', () => {
  it('holds the ticket, every event in order, the letters sent and the dispatches', async () => {
    const summary = await compileManagerDossier({ dossierId: `${number}/dossier/4`, ticketNumber: number });
    expect(summary).toEqual({
      dossierId: `${number}/dossier/4`,
      events: 8,
      tiers: ['TIER_1', 'TIER_2', 'TIER_3', 'ONSITE', 'MANAGER'],
      agents: ['lead@desk.example', 'maria', 'tomas', dispatched.email],
    });
    const [filed] = (await findDossiers(db, number))!;
    expect(filed!.dossier.ticket).toMatchObject({ number, organization, tier: 'MANAGER', intake });
    expect(filed!.dossier.ticket).toMatchObject({ plan: overduePlan, planOverdue: true });
    expect(filed!.dossier.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(filed!.dossier.timeline[3]).toMatchObject({
      type: 'escalated',
      at: at(40),
      data: { to: 'TIER_2' },
    });
    expect(filed!.dossier.letters.map((l) => [l.kind, l.eventSeq])).toEqual([
      ['escalated', 6],
      ['escalated', 7],
      ['escalated', 8],
      ['acknowledgement', 1],
      ['escalated', 4],
    ]);
    expect(filed!.dossier.dispatches).toEqual([
      expect.objectContaining({ id: `${number}/onsite/3`, engineer: dispatched, promiseDue: at(190) }),
    ]);
  });

  it('is filed once per decision point: a retry returns what was filed, a later visit files anew', async () => {
    const dossierId = `${number}/dossier/retry`;
    const first = await compileManagerDossier({ dossierId, ticketNumber: number });
    await recordTicketChange({
      snapshot: snapshot(3, 'MANAGER'),
      events: [event(9, 'manager-reminded', 'system')],
    });
    expect(await compileManagerDossier({ dossierId, ticketNumber: number })).toEqual(first);
    expect(await db('manager_dossiers').where({ id: dossierId })).toHaveLength(1);
    const later = await compileManagerDossier({ dossierId: `${number}/dossier/later`, ticketNumber: number });
    expect(later.events).toBe(first.events + 1);
  });

  it('are listed for the ticket over HTTP to the manager, oldest first; an unknown ticket answers 404', async () => {
    const api = apiClient(server.baseUrl, desk.manager.token);
    const listed = await api.get(`/tickets/${number}/dossiers`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((d: any) => d.id)).toEqual(
      ['4', 'retry', 'later'].map((visit) => `${number}/dossier/${visit}`),
    );
    expect(listed.body.items[0]).toMatchObject({ ticketNumber: number, dossier: { ticket: { number } } });
    const unknown = await api.get('/tickets/TF-NOPE/dossiers');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'ticket TF-NOPE not found' });
    expect((await api.as(desk.agent.token).get(`/tickets/${number}/dossiers`)).status).toBe(403);
  });
});
